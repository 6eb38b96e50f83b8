using System.Reflection;
using LithairAkka.Hocon;

namespace LithairAkka.Actors.Serialization;

public sealed partial class Serialization
{
    private const string SerializersKey = "akka.actor.serializers";
    private const string BindingsKey = "akka.actor.serialization-bindings";

    /// <summary>The built-in serializers, registered unless the configuration names another type under the same name.</summary>
    private static readonly (string Name, Func<ExtendedActorSystem, Serializer> Create)[] BuiltIns =
    [
        ("bytes", static s => new ByteArraySerializer(s)),
        ("json", static s => new SystemTextJsonSerializer(s)),
        ("primitive", static s => new PrimitiveSerializer(s)),
    ];

    /// <summary>The built-in bindings, made before the configured ones (which may override or remove them).</summary>
    private static readonly (Type Type, string Name)[] BuiltInBindings =
    [
        (typeof(object), "json"),
        (typeof(byte[]), "bytes"),
        (typeof(string), "primitive"),
        (typeof(int), "primitive"),
        (typeof(long), "primitive"),
    ];

    private void LoadConfiguration(Config config)
    {
        var configured = config.GetStringMap(SerializersKey);
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (name, typeName) in configured)
            {
                if (CreateConfigured(name, typeName) is { } serializer)
                {
                    Register(name, serializer);
                }
                else
                {
                    unavailable.Add(name);
                }
            }

            foreach (var (name, create) in BuiltIns)
            {
                if (!configured.ContainsKey(name))
                {
                    Register(name, create(System));
                }
            }

            foreach (var (type, name) in BuiltInBindings)
            {
                if (_registry.ByName.TryGetValue(name, out var serializer))
                {
                    BindLocked(type, serializer);
                }
            }

            foreach (var (typeName, name) in config.GetStringMap(BindingsKey))
            {
                BindConfigured(typeName, name, unavailable);
            }
        }
    }

    private Serializer? CreateConfigured(string name, string typeName)
    {
        var key = $"{SerializersKey}.{name}";
        var type = TypeManifest.TryResolve(typeName);
        if (type is null)
        {
            // Reference configurations name the serializers of every layer; a layer that is not deployed is skipped.
            _log.Warning("{Key} = \"{TypeName}\" names no loadable type; the serializer is not available", key, typeName);
            return null;
        }

        if (!typeof(Serializer).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ConfigurationException($"{key} = \"{typeName}\" must name a concrete subclass of {typeof(Serializer).FullName}.", key, null, 0, 0);
        }

        var withSystem = type.GetConstructor([typeof(ExtendedActorSystem)]);
        var parameterless = type.GetConstructor(Type.EmptyTypes);
        if (withSystem is null && parameterless is null)
        {
            throw new ConfigurationException(
                $"{key} = \"{typeName}\" must have a public constructor taking an ExtendedActorSystem (or none).", key, null, 0, 0);
        }

        try
        {
            return (Serializer)(withSystem is not null ? withSystem.Invoke([System]) : parameterless!.Invoke(null));
        }
        catch (TargetInvocationException e)
        {
            throw new ConfigurationException($"{key}: creating {typeName} failed: {e.InnerException?.Message}", key, null, 0, 0, e.InnerException);
        }
    }

    private void BindConfigured(string typeName, string name, HashSet<string> unavailable)
    {
        var key = $"{BindingsKey}.\"{typeName}\"";
        var type = TypeManifest.TryResolve(typeName);
        if (type is null)
        {
            _log.Warning("{Key} names no loadable type; the binding is ignored", key);
            return;
        }

        if (string.Equals(name, "none", StringComparison.Ordinal))
        {
            var current = _registry;
            Publish(current with { Bindings = current.Bindings.Where(b => b.Key != type).ToArray() });
            return;
        }

        if (_registry.ByName.TryGetValue(name, out var serializer))
        {
            BindLocked(type, serializer);
        }
        else if (!unavailable.Contains(name))
        {
            throw new ConfigurationException(
                $"{key} = {name}: no serializer named '{name}' is defined in {SerializersKey}.", key, null, 0, 0);
        }
    }
}
