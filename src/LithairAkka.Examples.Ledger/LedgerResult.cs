using System.Text;

namespace LithairAkka.Examples.Ledger;

/// <summary>
/// The result of a ledger command, as returned by <c>POST /commands</c>: <see cref="LedgerApplied"/> or
/// <see cref="LedgerRejected"/>. Immutable and thread-safe.
/// </summary>
public abstract record LedgerResult
{
    private protected LedgerResult()
    {
    }

    /// <summary>Encodes the result as <c>[0][balance]</c> or <c>[1][rejection]</c>.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case LedgerApplied applied:
                    writer.Write((byte)0);
                    writer.Write7BitEncodedInt64(applied.Balance);
                    break;
                case LedgerRejected rejected:
                    writer.Write((byte)1);
                    writer.Write((byte)rejected.Reason);
                    break;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes a result written by <see cref="Encode"/>.</summary>
    /// <param name="bytes">The encoded result.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a ledger result.</exception>
    public static LedgerResult Decode(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.Length == 2 && span[0] == 1 && Enum.IsDefined((LedgerRejection)span[1]))
        {
            return new LedgerRejected((LedgerRejection)span[1]);
        }

        if (span.Length >= 2 && span[0] == 0)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes[1..].ToArray(), writable: false));
            try
            {
                return new LedgerApplied(reader.Read7BitEncodedInt64());
            }
            catch (Exception ex) when (ex is EndOfStreamException or FormatException)
            {
                throw new InvalidDataException("Truncated ledger result.", ex);
            }
        }

        throw new InvalidDataException("Not a ledger result.");
    }
}
