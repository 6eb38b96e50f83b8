using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Reads what <see cref="BinaryMessageWriter"/> wrote, from a span that is only valid during deserialization.
/// Every read is bounds-checked: truncated or malformed input throws <see cref="SerializationException"/>, never
/// reads past the end. Not thread-safe.
/// </summary>
public ref struct BinaryMessageReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/>; refs and payloads resolve through <paramref name="serialization"/>.</summary>
    public BinaryMessageReader(ReadOnlySpan<byte> data, Serialization serialization)
    {
        _data = data;
        Serialization = serialization ?? throw new ArgumentNullException(nameof(serialization));
    }

    /// <summary>The registry used for refs and nested payloads.</summary>
    public readonly Serialization Serialization { get; }

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        Need(1);
        return _data[_position++];
    }

    /// <summary>Reads a boolean byte; anything but 0 or 1 is malformed.</summary>
    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new SerializationException(string.Create(CultureInfo.InvariantCulture, $"Malformed boolean byte {other}.")),
    };

    /// <summary>Reads an unsigned LEB128 varint of at most 10 bytes.</summary>
    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new SerializationException("Malformed varint: more than 10 bytes.");
    }

    /// <summary>Reads an unsigned varint that must fit 32 bits.</summary>
    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw new SerializationException("Malformed varint: does not fit 32 bits.");
    }

    /// <summary>Reads a zigzag-encoded signed varint.</summary>
    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads a zigzag-encoded signed varint that must fit 32 bits.</summary>
    public int ReadVarInt32()
    {
        var value = ReadVarInt64();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new SerializationException("Malformed varint: does not fit 32 bits.");
    }

    /// <summary>Reads 4 bytes little-endian.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadRaw(sizeof(int)));

    /// <summary>Reads 8 bytes little-endian.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadRaw(sizeof(long)));

    /// <summary>Reads an IEEE 754 double.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadRaw(sizeof(double)));

    /// <summary>Reads a nullable string.</summary>
    public string? ReadString()
    {
        var prefix = ReadVarUInt32();
        if (prefix == 0)
        {
            return null;
        }

        var bytes = ReadRaw((int)Math.Min(prefix - 1, (uint)int.MaxValue));
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a string that must not be null.</summary>
    /// <exception cref="SerializationException">It was null.</exception>
    public string ReadRequiredString() => ReadString() ?? throw new SerializationException("Malformed message: a required string is null.");

    /// <summary>Reads a byte block into a new array.</summary>
    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    /// <summary>Reads a byte block without copying (valid as long as the input is).</summary>
    public ReadOnlySpan<byte> ReadBytesSpan() => ReadRaw((int)Math.Min(ReadVarUInt32(), (uint)int.MaxValue));

    /// <summary>Reads <paramref name="count"/> bytes without copying.</summary>
    public ReadOnlySpan<byte> ReadRaw(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Need(count);
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>Reads a nullable ref and resolves it through the provider (local or remote).</summary>
    public IActorRef? ReadActorRef() => ReadString() is { } path ? Serialization.ResolveActorRef(path) : null;

    /// <summary>Reads a nullable path.</summary>
    public ActorPath? ReadActorPath()
    {
        var text = ReadString();
        if (text is null)
        {
            return null;
        }

        return ActorPath.TryParse(text, out var path) ? path : throw new SerializationException($"Malformed actor path '{text}'.");
    }

    /// <summary>Reads a nullable address.</summary>
    public Address? ReadAddress()
    {
        var text = ReadString();
        if (text is null)
        {
            return null;
        }

        try
        {
            return Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw new SerializationException($"Malformed address '{text}'.", e);
        }
    }

    /// <summary>Reads a nullable nested message written by <see cref="BinaryMessageWriter.WritePayload"/>.</summary>
    /// <exception cref="SerializationException">Unknown serializer or manifest, or malformed bytes.</exception>
    public object? ReadPayload()
    {
        if (!ReadBoolean())
        {
            return null;
        }

        var serializerId = ReadVarInt32();
        var manifest = ReadString() ?? string.Empty;
        return Serialization.Deserialize(ReadBytesSpan(), serializerId, manifest);
    }

    private readonly void Need(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new SerializationException(string.Create(CultureInfo.InvariantCulture,
                $"Truncated message: {count} more bytes needed at offset {_position} of {_data.Length}."));
        }
    }
}
