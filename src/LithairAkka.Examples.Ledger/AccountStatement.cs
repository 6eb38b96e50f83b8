using System.Text;

namespace LithairAkka.Examples.Ledger;

/// <summary>The answer to a <see cref="StatementQuery"/>. Immutable.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Exists">Whether the account is open.</param>
/// <param name="Entries">The latest entries, oldest first (empty when the account is not open).</param>
public sealed record AccountStatement(string Account, bool Exists, IReadOnlyList<LedgerEntry> Entries)
{
    /// <summary>Encodes the answer as <c>[account][exists][count]</c> then each entry.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Account);
            writer.Write(Exists);
            writer.Write7BitEncodedInt(Entries.Count);
            foreach (var entry in Entries)
            {
                WriteEntry(writer, entry);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an answer written by <see cref="Encode"/>.</summary>
    /// <param name="bytes">The encoded answer.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a statement.</exception>
    public static AccountStatement Decode(ReadOnlyMemory<byte> bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
        try
        {
            var account = reader.ReadString();
            var exists = reader.ReadBoolean();
            var count = reader.Read7BitEncodedInt();
            if (count < 0 || count > bytes.Length)
            {
                throw new InvalidDataException($"Malformed statement: {count} entries in {bytes.Length} bytes.");
            }

            var entries = new LedgerEntry[count];
            for (var i = 0; i < count; i++)
            {
                entries[i] = ReadEntry(reader);
            }

            return new AccountStatement(account, exists, entries);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("Truncated or malformed statement.", ex);
        }
    }

    /// <summary>Writes one entry (also the form the ledger's snapshot uses).</summary>
    internal static void WriteEntry(BinaryWriter writer, LedgerEntry entry)
    {
        writer.Write7BitEncodedInt64(entry.Index);
        writer.Write((byte)entry.Kind);
        writer.Write7BitEncodedInt64(entry.Amount);
        writer.Write7BitEncodedInt64(entry.BalanceAfter);
        writer.Write(entry.Counterparty);
    }

    /// <summary>Reads one entry written by <see cref="WriteEntry"/>.</summary>
    internal static LedgerEntry ReadEntry(BinaryReader reader) =>
        new(reader.Read7BitEncodedInt64(), (LedgerEntryKind)reader.ReadByte(), reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64(), reader.ReadString());
}
