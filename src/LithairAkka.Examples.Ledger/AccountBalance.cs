using System.Text;

namespace LithairAkka.Examples.Ledger;

/// <summary>The answer to a <see cref="BalanceQuery"/>. Immutable.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Exists">Whether the account is open.</param>
/// <param name="Balance">Its balance in minor units (0 when it is not open).</param>
public sealed record AccountBalance(string Account, bool Exists, long Balance)
{
    /// <summary>Encodes the answer as <c>[account][exists][balance]</c>.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Account);
            writer.Write(Exists);
            writer.Write7BitEncodedInt64(Balance);
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an answer written by <see cref="Encode"/>.</summary>
    /// <param name="bytes">The encoded answer.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a balance.</exception>
    public static AccountBalance Decode(ReadOnlyMemory<byte> bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
        try
        {
            return new AccountBalance(reader.ReadString(), reader.ReadBoolean(), reader.Read7BitEncodedInt64());
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("Truncated or malformed balance.", ex);
        }
    }
}
