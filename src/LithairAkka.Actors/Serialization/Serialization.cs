using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.Serialization;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// The serializer registry of an actor system (Akka's <c>Serialization</c>), obtained with <see cref="Get"/>.
/// Serializers are bound from HOCON, <c>akka.actor.serializers { name = "Type, Assembly" }</c> and
/// <c>akka.actor.serialization-bindings { "Type, Assembly" = name }</c>, on top of the built-ins (<c>bytes</c>,
/// <c>json</c>, <c>primitive</c>); other layers add theirs with <see cref="AddSerializer(string, Serializer, Type[])"/>.
/// </summary>
/// <remarks>
/// <para>The serializer of a message type is the binding of the most specific bound type: an exact binding wins,
/// then a bound type that derives from (or implements) every other matching bound type; between unrelated matches a
/// class beats an interface, and a remaining tie goes to the earliest binding with a warning. <c>System.Object</c> is
/// bound to <c>json</c> by default, so every type has a serializer. The choice is cached per type.</para>
/// <para>Thread-safe. Registration is copy-on-write and rare; lookups take no lock.</para>
/// </remarks>
public sealed partial class Serialization : IExtension
{
    private readonly Lock _gate = new();
    private readonly ILoggingAdapter _log;
    private volatile Registry _registry = Registry.Empty;

    internal Serialization(ExtendedActorSystem system)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
        _log = system.GetLogger("Serialization", typeof(Serialization));
        LoadConfiguration(system.Settings.Config);
    }

    /// <summary>The actor system.</summary>
    public ExtendedActorSystem System { get; }

    /// <summary>Every registered serializer by name.</summary>
    public IReadOnlyDictionary<string, Serializer> SerializersByName => _registry.ByName;

    /// <summary>Every binding, in the order it was made.</summary>
    public IReadOnlyList<KeyValuePair<Type, Serializer>> Bindings => _registry.Bindings;

    /// <summary>The registry of <paramref name="system"/>, created on first use.</summary>
    public static Serialization Get(ActorSystem system) => system.WithExtension<Serialization, SerializationExtension>();

    /// <summary>The serializer bound to the type of <paramref name="message"/>.</summary>
    /// <exception cref="SerializationException">No binding matches (only when <c>System.Object</c> was unbound).</exception>
    public Serializer FindSerializerFor(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FindSerializerForType(message.GetType());
    }

    /// <summary>The serializer bound to <paramref name="type"/>.</summary>
    /// <exception cref="SerializationException">No binding matches.</exception>
    public Serializer FindSerializerForType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var registry = _registry;
        return registry.Cache.TryGetValue(type, out var serializer) ? serializer : registry.Cache.GetOrAdd(type, ResolveBinding(registry, type));
    }

    /// <summary>The serializer with <paramref name="identifier"/>, if one is registered.</summary>
    public bool TryGetSerializerById(int identifier, [NotNullWhen(true)] out Serializer? serializer) =>
        _registry.ById.TryGetValue(identifier, out serializer);

    /// <summary>The serializer registered under <paramref name="name"/>, or null.</summary>
    public Serializer? GetSerializerByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _registry.ByName.GetValueOrDefault(name);
    }

    /// <summary>Serializes <paramref name="message"/> with its bound serializer.</summary>
    /// <exception cref="SerializationException">The serializer failed.</exception>
    public byte[] Serialize(object message) => FindSerializerFor(message).ToBinary(message);

    /// <summary>Deserializes a payload written by the serializer <paramref name="serializerId"/>.</summary>
    /// <exception cref="SerializationException">Unknown serializer id or manifest, or malformed bytes.</exception>
    public object Deserialize(ReadOnlySpan<byte> bytes, int serializerId, string manifest)
    {
        if (!TryGetSerializerById(serializerId, out var serializer))
        {
            throw new SerializationException(string.Create(CultureInfo.InvariantCulture,
                $"Unknown serializer id {serializerId} (manifest '{manifest}'): no serializer with that identifier is registered."));
        }

        return serializer.FromBinary(bytes, manifest);
    }

    /// <summary>
    /// The text form of <paramref name="actorRef"/> for the wire: its path with this system's external address
    /// (<see cref="IActorRefProvider.DefaultAddress"/>) for local refs, and <c>#uid</c> when the ref names one
    /// incarnation; the empty string for null or <see cref="Nobody"/>.
    /// </summary>
    public string SerializedActorPath(IActorRef? actorRef)
    {
        if (actorRef is null or Nobody)
        {
            return string.Empty;
        }

        return actorRef.Path.ToSerializationFormatWithAddress(System.Provider.DefaultAddress);
    }

    /// <summary>Resolves a path written by <see cref="SerializedActorPath"/> through the provider: a local ref for this
    /// system's addresses, a remote ref for others (with remoting), <see cref="Nobody"/> for the empty string.</summary>
    public IActorRef ResolveActorRef(string serializedPath)
    {
        ArgumentNullException.ThrowIfNull(serializedPath);
        return serializedPath.Length == 0 ? Nobody.Instance : System.Provider.ResolveActorRef(serializedPath);
    }

    // One immutable generation of the registry; its cache of resolved bindings lives and dies with it, so a
    // registration can never leave a stale resolution behind.
    private sealed record Registry(
        Dictionary<string, Serializer> ByName,
        Dictionary<int, Serializer> ById,
        KeyValuePair<Type, Serializer>[] Bindings,
        ConcurrentDictionary<Type, Serializer> Cache)
    {
        public static Registry Empty { get; } = new([], [], [], new());
    }
}
