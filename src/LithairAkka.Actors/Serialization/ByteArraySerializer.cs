using System.Buffers;
using System.Runtime.Serialization;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Serializer <c>bytes</c> (identifier 4): a <c>byte[]</c> travels as is, without manifest. Thread-safe.
/// </summary>
public sealed class ByteArraySerializer : Serializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 4;

    /// <summary>Creates the serializer.</summary>
    public ByteArraySerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool IncludeManifest => false;

    /// <summary>Returns the array itself.</summary>
    /// <exception cref="SerializationException">The message is not a <c>byte[]</c>.</exception>
    public override byte[] ToBinary(object message) =>
        message as byte[] ?? throw new SerializationException($"{nameof(ByteArraySerializer)} only serializes byte[], not {message?.GetType().FullName ?? "null"}.");

    /// <inheritdoc/>
    public override void ToBinary(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(ToBinary(message));
    }

    /// <summary>Returns <paramref name="bytes"/> itself.</summary>
    public override object FromBinary(byte[] bytes, string manifest) => bytes ?? throw new ArgumentNullException(nameof(bytes));

    /// <summary>Copies <paramref name="bytes"/> into a new array.</summary>
    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest) => bytes.ToArray();
}
