using System.Buffers;
using System.Runtime.Serialization;

namespace LithairAkka.Actors.Serialization;

/// <summary>Writes the fields of <typeparamref name="T"/> (see <see cref="BinaryMessageSerializer"/>).</summary>
public delegate void BinaryWriteAction<in T>(BinaryMessageWriter writer, T message);

/// <summary>Reads a <typeparamref name="T"/> back (see <see cref="BinaryMessageSerializer"/>).</summary>
public delegate T BinaryReadFunc<out T>(ref BinaryMessageReader reader);

/// <summary>
/// Base of hand-written compact binary codecs for a closed set of message types (system, cluster and replication
/// messages). A subclass registers, in its constructor, one short manifest with a writer and a reader per exact
/// type; the registry binds those types to it when it is added with
/// <see cref="Serialization.AddSerializer(string, Serializer, Type[])"/>:
/// <code>
/// Register&lt;Heartbeat&gt;("hb", (w, m) =&gt; w.WriteVarInt64(m.Sequence), (ref BinaryMessageReader r) =&gt; new Heartbeat(r.ReadVarInt64()));
/// </code>
/// Messages are written straight into the caller's buffer and read straight out of the receive buffer.
/// Evolution: readers ignore bytes left after the fields they know, so a new version may append fields.
/// Thread-safe once constructed.
/// </summary>
public abstract class BinaryMessageSerializer : Serializer
{
    private readonly Dictionary<Type, Codec> _byType = [];
    private readonly Dictionary<string, Codec> _byManifest = new(StringComparer.Ordinal);
    private Serialization? _serialization;

    /// <summary>Creates the serializer; register the codecs in the subclass constructor.</summary>
    protected BinaryMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    private delegate object ReadAny(ref BinaryMessageReader reader);

    /// <summary>Always true: the manifest says which registered type a payload is.</summary>
    public override bool IncludeManifest => true;

    /// <summary>The registered message types.</summary>
    public IReadOnlyCollection<Type> MessageTypes => _byType.Keys;

    /// <summary>The system's registry (refs and nested payloads).</summary>
    protected Serialization Serialization => _serialization ??= Serialization.Get(System);

    /// <summary>The manifest registered for the exact type of <paramref name="message"/>.</summary>
    /// <exception cref="SerializationException">The type is not registered.</exception>
    public override string Manifest(object message) => Find(message).Manifest;

    /// <inheritdoc/>
    public override byte[] ToBinary(object message)
    {
        using var buffer = new PooledByteBufferWriter();
        ToBinary(message, buffer);
        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public override void ToBinary(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Find(message).Write(new BinaryMessageWriter(destination, Serialization), message);
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest) => FromBinary(bytes.AsSpan(), manifest);

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!_byManifest.TryGetValue(manifest, out var codec))
        {
            throw new SerializationException($"Unknown manifest '{manifest}' for {GetType().Name} ({Identifier}).");
        }

        var reader = new BinaryMessageReader(bytes, Serialization);
        return codec.Read(ref reader);
    }

    /// <summary>Registers the codec of exactly <typeparamref name="T"/> under <paramref name="manifest"/>. Constructor only.</summary>
    /// <exception cref="ArgumentException">The type or the manifest is already registered.</exception>
    protected void Register<T>(string manifest, BinaryWriteAction<T> write, BinaryReadFunc<T> read)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        Add(new Codec(typeof(T), manifest, (w, m) => write(w, (T)m), (ref BinaryMessageReader r) => read(ref r)));
    }

    /// <summary>Registers a field-less singleton (e.g. <c>PoisonPill.Instance</c>): nothing is written, the instance is read.</summary>
    /// <exception cref="ArgumentException">The type or the manifest is already registered.</exception>
    protected void Register<T>(string manifest, T instance)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(instance);
        Add(new Codec(instance.GetType(), manifest, static (_, _) => { }, (ref BinaryMessageReader _) => instance));
    }

    private void Add(Codec codec)
    {
        if (_byType.ContainsKey(codec.Type) || _byManifest.ContainsKey(codec.Manifest))
        {
            throw new ArgumentException($"{GetType().Name}: {codec.Type} or manifest '{codec.Manifest}' is already registered.");
        }

        _byType.Add(codec.Type, codec);
        _byManifest.Add(codec.Manifest, codec);
    }

    private Codec Find(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _byType.TryGetValue(message.GetType(), out var codec)
            ? codec
            : throw new SerializationException($"{GetType().Name} ({Identifier}) has no codec for {message.GetType()}.");
    }

    private sealed record Codec(Type Type, string Manifest, Action<BinaryMessageWriter, object> Write, ReadAny Read);
}
