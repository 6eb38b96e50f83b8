using System.Text;

namespace LithairAkka.Examples.Ledger;

/// <summary>
/// A read of the ledger: <see cref="BalanceQuery"/> (answered with <see cref="AccountBalance"/>) or
/// <see cref="StatementQuery"/> (answered with <see cref="AccountStatement"/>). The binary form is the body of
/// <c>POST /queries</c>. Immutable and thread-safe.
/// </summary>
public abstract record LedgerQuery
{
    private protected LedgerQuery()
    {
    }

    /// <summary>Encodes the query as <c>[kind][account][…]</c>.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case BalanceQuery balance:
                    writer.Write((byte)1);
                    writer.Write(balance.Account);
                    break;
                case StatementQuery statement:
                    writer.Write((byte)2);
                    writer.Write(statement.Account);
                    writer.Write7BitEncodedInt(statement.Limit);
                    break;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes a query written by <see cref="Encode"/>.</summary>
    /// <param name="bytes">The encoded query.</param>
    /// <returns>The query.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a complete ledger query.</exception>
    public static LedgerQuery Decode(ReadOnlyMemory<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            LedgerQuery query = reader.ReadByte() switch
            {
                1 => new BalanceQuery(reader.ReadString()),
                2 => new StatementQuery(reader.ReadString(), reader.Read7BitEncodedInt()),
                var kind => throw new InvalidDataException($"Unknown ledger query kind {kind}."),
            };
            return stream.Position == stream.Length ? query : throw new InvalidDataException("Trailing bytes after a ledger query.");
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("Truncated or malformed ledger query.", ex);
        }
    }
}
