using System.Text;

namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>The result of a <see cref="KvCommand"/>, with a compact binary encoding.</summary>
public abstract record KvResult
{
    private const byte WrittenTag = 1;
    private const byte DeletedTag = 2;
    private const byte MismatchTag = 3;

    private protected KvResult()
    {
    }

    /// <summary>Encodes the result.</summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream(16);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case KvWritten written:
                    writer.Write(WrittenTag);
                    writer.Write7BitEncodedInt64(written.Version);
                    break;
                case KvDeleted deleted:
                    writer.Write(DeletedTag);
                    writer.Write(deleted.Existed);
                    break;
                case KvVersionMismatch mismatch:
                    writer.Write(MismatchTag);
                    writer.Write7BitEncodedInt64(mismatch.CurrentVersion);
                    break;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes a result written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a result.</exception>
    public static KvResult Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
            return reader.ReadByte() switch
            {
                WrittenTag => new KvWritten(reader.Read7BitEncodedInt64()),
                DeletedTag => new KvDeleted(reader.ReadBoolean()),
                MismatchTag => new KvVersionMismatch(reader.Read7BitEncodedInt64()),
                var tag => throw new InvalidDataException($"Unknown key-value result tag {tag}."),
            };
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Truncated key-value result.", ex);
        }
    }
}
