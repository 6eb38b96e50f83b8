using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.Serialization;
using System.Text;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Serializer <c>primitive</c> (identifier 17) for <see cref="string"/> (UTF-8, manifest <c>S</c>), <see cref="int"/>
/// (4 bytes little-endian, <c>I</c>) and <see cref="long"/> (8 bytes little-endian, <c>L</c>). Thread-safe.
/// </summary>
public sealed class PrimitiveSerializer : Serializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 17;

    private const string StringManifest = "S";
    private const string IntManifest = "I";
    private const string LongManifest = "L";

    /// <summary>Creates the serializer.</summary>
    public PrimitiveSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool IncludeManifest => true;

    /// <inheritdoc/>
    public override string Manifest(object message) => message switch
    {
        string => StringManifest,
        int => IntManifest,
        long => LongManifest,
        _ => throw Unsupported(message),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object message)
    {
        using var buffer = new PooledByteBufferWriter(64);
        ToBinary(message, buffer);
        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public override void ToBinary(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        switch (message)
        {
            case string text:
                var span = destination.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
                destination.Advance(Encoding.UTF8.GetBytes(text, span));
                break;
            case int value:
                BinaryPrimitives.WriteInt32LittleEndian(destination.GetSpan(sizeof(int)), value);
                destination.Advance(sizeof(int));
                break;
            case long value:
                BinaryPrimitives.WriteInt64LittleEndian(destination.GetSpan(sizeof(long)), value);
                destination.Advance(sizeof(long));
                break;
            default:
                throw Unsupported(message);
        }
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest) => FromBinary(bytes.AsSpan(), manifest);

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        return manifest switch
        {
            // Invalid UTF-8 decodes to replacement characters, as everywhere else in .NET.
            StringManifest => Encoding.UTF8.GetString(bytes),
            IntManifest when bytes.Length == sizeof(int) => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            LongManifest when bytes.Length == sizeof(long) => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            IntManifest or LongManifest => throw new SerializationException($"Primitive '{manifest}' payload of {bytes.Length} bytes has the wrong size."),
            _ => throw new SerializationException($"Unknown manifest '{manifest}' for {nameof(PrimitiveSerializer)}."),
        };
    }

    private static SerializationException Unsupported(object? message) =>
        new($"{nameof(PrimitiveSerializer)} serializes string, int and long, not {message?.GetType().FullName ?? "null"}.");
}
