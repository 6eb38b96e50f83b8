using System.Runtime.Serialization;
using LithairAkka.Hocon;

namespace LithairAkka.Actors.Serialization;

public sealed partial class Serialization
{
    /// <summary>
    /// Registers <paramref name="serializer"/> under <paramref name="name"/> and binds <paramref name="boundTypes"/> to
    /// it (the message types of a <see cref="BinaryMessageSerializer"/> are bound as well). Registering the same
    /// serializer type again under the same name is a no-op that returns the existing instance, so layers may call
    /// this from every actor system start.
    /// </summary>
    /// <returns>The registered instance.</returns>
    /// <exception cref="ConfigurationException">The name or the identifier is taken by a serializer of another type.</exception>
    public Serializer AddSerializer(string name, Serializer serializer, params Type[] boundTypes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(boundTypes);
        Serializer registered;
        lock (_gate)
        {
            registered = Register(name, serializer);
            var types = registered is BinaryMessageSerializer binary ? binary.MessageTypes.Concat(boundTypes) : boundTypes;
            foreach (var type in types)
            {
                BindLocked(type, registered);
            }
        }

        return registered;
    }

    /// <summary>Binds <paramref name="type"/> (and, unless more specific bindings exist, its subtypes) to the serializer
    /// registered as <paramref name="serializerName"/>, replacing an earlier binding of exactly that type.</summary>
    /// <exception cref="ConfigurationException">No serializer has that name.</exception>
    public void AddSerializationBinding(Type type, string serializerName)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(serializerName);
        lock (_gate)
        {
            var serializer = _registry.ByName.GetValueOrDefault(serializerName)
                ?? throw new ConfigurationException($"Cannot bind {type} to serializer '{serializerName}': no serializer has that name.");
            BindLocked(type, serializer);
        }
    }

    /// <summary>Removes the binding of exactly <paramref name="type"/>; false when there was none.</summary>
    public bool RemoveSerializationBinding(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_gate)
        {
            var current = _registry;
            var kept = current.Bindings.Where(b => b.Key != type).ToArray();
            if (kept.Length == current.Bindings.Length)
            {
                return false;
            }

            Publish(current with { Bindings = kept });
            return true;
        }
    }

    private Serializer Register(string name, Serializer serializer)
    {
        var current = _registry;
        if (current.ByName.TryGetValue(name, out var existing))
        {
            if (existing.GetType() == serializer.GetType())
            {
                return existing;
            }

            throw new ConfigurationException(
                $"akka.actor.serializers.{name}: the name is already registered for {existing.GetType().FullName}; cannot register {serializer.GetType().FullName}.");
        }

        if (current.ById.TryGetValue(serializer.Identifier, out var clash))
        {
            throw new ConfigurationException(
                $"akka.actor.serializers.{name}: {serializer.GetType().FullName} has identifier {serializer.Identifier}, already used by " +
                $"{clash.GetType().FullName}; serializer identifiers must be unique.");
        }

        Publish(current with
        {
            ByName = new Dictionary<string, Serializer>(current.ByName, StringComparer.Ordinal) { [name] = serializer },
            ById = new Dictionary<int, Serializer>(current.ById) { [serializer.Identifier] = serializer },
        });
        return serializer;
    }

    private void BindLocked(Type type, Serializer serializer)
    {
        var current = _registry;
        var bindings = current.Bindings.Where(b => b.Key != type).Append(new KeyValuePair<Type, Serializer>(type, serializer)).ToArray();
        Publish(current with { Bindings = bindings });
    }

    private void Publish(Registry registry) => _registry = registry with { Cache = new() };

    private Serializer ResolveBinding(Registry registry, Type type)
    {
        var bindings = registry.Bindings;
        foreach (var binding in bindings)
        {
            if (binding.Key == type)
            {
                return binding.Value;
            }
        }

        var matches = bindings.Where(b => b.Key.IsAssignableFrom(type)).ToList();
        if (matches.Count == 0)
        {
            throw new SerializationException($"No serializer is bound to {type} or any of its base types or interfaces (akka.actor.serialization-bindings).");
        }

        // Keep only the matches no other match refines: a binding of a subtype says more than one of its base type.
        var specific = matches.Where(m => !matches.Any(o => o.Key != m.Key && m.Key.IsAssignableFrom(o.Key))).ToList();
        var classes = specific.Where(m => !m.Key.IsInterface).ToList();
        var chosen = classes.Count > 0 ? classes : specific;
        if (chosen.Count > 1)
        {
            _log.Warning(
                "Several serializer bindings match {Type} equally well ({Candidates}); using {Chosen}. Bind the type itself to remove the ambiguity.",
                type, string.Join(", ", chosen.Select(c => c.Key.Name)), chosen[0].Value);
        }

        return chosen[0].Value;
    }
}
