using System.Text;

namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>A write command of the <see cref="KeyValueStateMachine"/>, with a compact binary encoding.</summary>
public abstract record KvCommand
{
    private const byte PutTag = 1;
    private const byte DeleteTag = 2;

    private protected KvCommand()
    {
    }

    /// <summary>Encodes the command.</summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case KvPut put:
                    writer.Write(PutTag);
                    writer.Write(put.Key);
                    WriteVersion(writer, put.IfVersion);
                    writer.Write7BitEncodedInt(put.Value.Length);
                    writer.Write(put.Value.Span);
                    break;
                case KvDelete delete:
                    writer.Write(DeleteTag);
                    writer.Write(delete.Key);
                    WriteVersion(writer, delete.IfVersion);
                    break;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes a command written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a command.</exception>
    public static KvCommand Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
            return reader.ReadByte() switch
            {
                PutTag => ReadPut(reader),
                DeleteTag => new KvDelete(reader.ReadString(), ReadVersion(reader)),
                var tag => throw new InvalidDataException($"Unknown key-value command tag {tag}."),
            };
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Truncated key-value command.", ex);
        }
    }

    private static KvPut ReadPut(BinaryReader reader)
    {
        var key = reader.ReadString();
        var version = ReadVersion(reader);
        var value = reader.ReadBytes(reader.Read7BitEncodedInt());
        return new KvPut(key, value, version);
    }

    private static void WriteVersion(BinaryWriter writer, long? version)
    {
        // 0 encodes "unconditional", n + 1 encodes "if-version n".
        writer.Write7BitEncodedInt64(version is { } v ? v + 1 : 0);
    }

    private static long? ReadVersion(BinaryReader reader)
    {
        var raw = reader.Read7BitEncodedInt64();
        return raw == 0 ? null : raw - 1;
    }
}
