using System.Buffers;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Turns messages into bytes and back (Akka's <c>Serializer</c>). A serializer is registered under a name in
/// <c>akka.actor.serializers</c> (or with <see cref="Serialization.AddSerializer"/>) and chosen for a message type by
/// <c>akka.actor.serialization-bindings</c>. The receiving side picks it by <see cref="Identifier"/>, which travels
/// with every message, so it must be unique and stable across versions. Implementations must be thread-safe:
/// one instance serves every thread of the actor system.
/// </summary>
/// <remarks>
/// Identifiers 0 to 40 are reserved for the runtime's own serializers (1 json, 4 bytes, 6 selections, 16 misc,
/// 17 primitives, 22 system messages); the cluster and replication layers use 41 to 99; applications use 100 and up.
/// Override the span and <see cref="IBufferWriter{T}"/> members for a copy-free fast path: remoting writes the
/// payload straight into its send buffer and reads it straight out of the receive buffer.
/// </remarks>
public abstract class Serializer
{
    /// <summary>Creates a serializer for <paramref name="system"/> (refs inside messages resolve through its provider).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    protected Serializer(ExtendedActorSystem system)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
    }

    /// <summary>The actor system the serializer belongs to.</summary>
    public ExtendedActorSystem System { get; }

    /// <summary>The unique, stable id written next to every payload so the receiver picks the same serializer.</summary>
    public abstract int Identifier { get; }

    /// <summary>
    /// True when the payload alone does not say what it is, so <see cref="Manifest"/> travels with it (a type name
    /// for JSON, a short code for hand-written codecs). False for serializers of a single type (<c>byte[]</c>).
    /// </summary>
    public abstract bool IncludeManifest { get; }

    /// <summary>
    /// The manifest of <paramref name="message"/>, given back to <see cref="FromBinary(byte[], string)"/>. The default is
    /// the type name (<c>Namespace.Type, Assembly</c>) when <see cref="IncludeManifest"/>, else the empty string.
    /// </summary>
    public virtual string Manifest(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IncludeManifest ? TypeManifest.Of(message.GetType()) : string.Empty;
    }

    /// <summary>Serializes <paramref name="message"/> into a new array.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">The message cannot be serialized.</exception>
    public abstract byte[] ToBinary(object message);

    /// <summary>Serializes <paramref name="message"/> into <paramref name="destination"/> (the copy-free path). The
    /// default copies the result of <see cref="ToBinary(object)"/>.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">The message cannot be serialized.</exception>
    public virtual void ToBinary(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(ToBinary(message));
    }

    /// <summary>Deserializes a payload produced by this serializer with <paramref name="manifest"/>.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">The bytes or the manifest are not understood.</exception>
    public abstract object FromBinary(byte[] bytes, string manifest);

    /// <summary>Deserializes from a span that is only valid during the call (the copy-free path). The default copies it
    /// into an array and calls <see cref="FromBinary(byte[], string)"/>.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">The bytes or the manifest are not understood.</exception>
    public virtual object FromBinary(ReadOnlySpan<byte> bytes, string manifest) => FromBinary(bytes.ToArray(), manifest);

    /// <summary>The name and identifier, for logs.</summary>
    public override string ToString() => $"{GetType().Name}({Identifier})";
}
