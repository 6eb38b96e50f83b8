using System.Text;

namespace LithairAkka.Examples.Ledger;

/// <summary>
/// A write to the ledger: <see cref="OpenAccount"/>, <see cref="Deposit"/>, <see cref="Withdraw"/> or
/// <see cref="Transfer"/>. Amounts are positive integers in the currency's minor unit (cents). The binary form —
/// one kind byte, then the fields — is what goes into the replicated log and the body of <c>POST /commands</c>.
/// Immutable and thread-safe.
/// </summary>
public abstract record LedgerCommand
{
    private protected LedgerCommand()
    {
    }

    /// <summary>Encodes the command as <c>[kind][account][…]</c>.</summary>
    /// <returns>The bytes to propose.</returns>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case OpenAccount open:
                    writer.Write((byte)1);
                    writer.Write(open.Account);
                    break;
                case Deposit deposit:
                    writer.Write((byte)2);
                    writer.Write(deposit.Account);
                    writer.Write7BitEncodedInt64(deposit.Amount);
                    break;
                case Withdraw withdraw:
                    writer.Write((byte)3);
                    writer.Write(withdraw.Account);
                    writer.Write7BitEncodedInt64(withdraw.Amount);
                    break;
                case Transfer transfer:
                    writer.Write((byte)4);
                    writer.Write(transfer.From);
                    writer.Write(transfer.To);
                    writer.Write7BitEncodedInt64(transfer.Amount);
                    break;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes a command written by <see cref="Encode"/>.</summary>
    /// <param name="bytes">The encoded command.</param>
    /// <returns>The command.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a complete command.</exception>
    public static LedgerCommand Decode(ReadOnlyMemory<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            LedgerCommand command = reader.ReadByte() switch
            {
                1 => new OpenAccount(reader.ReadString()),
                2 => new Deposit(reader.ReadString(), reader.Read7BitEncodedInt64()),
                3 => new Withdraw(reader.ReadString(), reader.Read7BitEncodedInt64()),
                4 => new Transfer(reader.ReadString(), reader.ReadString(), reader.Read7BitEncodedInt64()),
                var kind => throw new InvalidDataException($"Unknown ledger command kind {kind}."),
            };
            return stream.Position == stream.Length ? command : throw new InvalidDataException("Trailing bytes after a ledger command.");
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("Truncated or malformed ledger command.", ex);
        }
    }
}
