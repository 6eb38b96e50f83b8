using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Writes the compact binary form of hand-written codecs (<see cref="BinaryMessageSerializer"/>) straight into an
/// <see cref="IBufferWriter{T}"/>: LEB128 varints (zigzag for signed values), fixed little-endian numbers, UTF-8
/// strings with a length prefix, actor refs and paths as serialized paths, and nested payloads through the registry.
/// <see cref="BinaryMessageReader"/> reads the same layout. Not thread-safe; create one per message.
/// </summary>
public readonly struct BinaryMessageWriter
{
    private const int MaxVarInt64Bytes = 10;
    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a writer over <paramref name="output"/>; refs and payloads go through <paramref name="serialization"/>.</summary>
    public BinaryMessageWriter(IBufferWriter<byte> output, Serialization serialization)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        Serialization = serialization ?? throw new ArgumentNullException(nameof(serialization));
    }

    /// <summary>The registry used for refs and nested payloads.</summary>
    public Serialization Serialization { get; }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    /// <summary>Writes a boolean as one byte (0 or 1).</summary>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes an unsigned LEB128 varint (1 to 10 bytes).</summary>
    public void WriteVarUInt64(ulong value)
    {
        var span = _output.GetSpan(MaxVarInt64Bytes);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _output.Advance(i);
    }

    /// <summary>Writes an unsigned LEB128 varint (1 to 5 bytes).</summary>
    public void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    /// <summary>Writes a signed varint, zigzag-encoded so small negative numbers stay small.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a signed varint, zigzag-encoded.</summary>
    public void WriteVarInt32(int value) => WriteVarInt64(value);

    /// <summary>Writes 4 bytes little-endian.</summary>
    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_output.GetSpan(sizeof(int)), value);
        _output.Advance(sizeof(int));
    }

    /// <summary>Writes 8 bytes little-endian.</summary>
    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_output.GetSpan(sizeof(long)), value);
        _output.Advance(sizeof(long));
    }

    /// <summary>Writes an IEEE 754 double, 8 bytes little-endian.</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_output.GetSpan(sizeof(double)), value);
        _output.Advance(sizeof(double));
    }

    /// <summary>Writes a nullable string: varint (UTF-8 length + 1, 0 for null), then the UTF-8 bytes.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)length + 1);
        var span = _output.GetSpan(length);
        _output.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    /// <summary>Writes a byte block: varint length, then the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarUInt32((uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes bytes without a length prefix.</summary>
    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty)
        {
            value.CopyTo(_output.GetSpan(value.Length));
            _output.Advance(value.Length);
        }
    }

    /// <summary>Writes a nullable ref as its serialized path (<see cref="Serialization.SerializedActorPath"/>).</summary>
    public void WriteActorRef(IActorRef? actorRef) => WriteString(actorRef is null ? null : Serialization.SerializedActorPath(actorRef));

    /// <summary>Writes a nullable path in its serialization format (with <c>#uid</c>).</summary>
    public void WriteActorPath(ActorPath? path) => WriteString(path?.ToSerializationFormat());

    /// <summary>Writes a nullable address.</summary>
    public void WriteAddress(Address? address) => WriteString(address?.ToString());

    /// <summary>
    /// Writes a nullable nested message with the serializer bound to its type: presence byte, zigzag serializer id,
    /// manifest string, and the payload as a byte block.
    /// </summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">The nested message cannot be serialized.</exception>
    public void WritePayload(object? message)
    {
        if (message is null)
        {
            WriteBoolean(false);
            return;
        }

        var serializer = Serialization.FindSerializerFor(message);
        using var nested = new PooledByteBufferWriter();
        serializer.ToBinary(message, nested);
        WriteBoolean(true);
        WriteVarInt32(serializer.Identifier);
        WriteString(serializer.IncludeManifest ? serializer.Manifest(message) : string.Empty);
        WriteBytes(nested.WrittenSpan);
    }
}
