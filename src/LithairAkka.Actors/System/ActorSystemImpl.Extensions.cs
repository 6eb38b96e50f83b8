using LithairAkka.Actors.Event;
using LithairAkka.Hocon;

namespace LithairAkka.Actors;

/// <summary>Extensions and provider selection.</summary>
internal sealed partial class ActorSystemImpl
{
    public override object RegisterExtension(IExtensionId extensionId)
    {
        ArgumentNullException.ThrowIfNull(extensionId);
        var lazy = _extensions.GetOrAdd(extensionId.ExtensionType, _ => new Lazy<object>(() => extensionId.CreateExtension(this)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation is not cached: a later call may succeed.
            _extensions.TryRemove(new KeyValuePair<Type, Lazy<object>>(extensionId.ExtensionType, lazy));
            throw;
        }
    }

    public override T? GetExtension<T>()
        where T : class =>
        _extensions.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated ? (T)lazy.Value : null;

    public override bool HasExtension<T>()
        where T : class => _extensions.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated;

    private void LoadConfiguredExtensions()
    {
        foreach (var typeName in Settings.Extensions)
        {
            var type = Type.GetType(typeName, throwOnError: false);
            if (type is null || !typeof(IExtensionId).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ConfigurationException(
                    $"'akka.extensions' names [{typeName}], which is not a loadable IExtensionId with a parameterless constructor.");
            }

            RegisterExtension((IExtensionId)Activator.CreateInstance(type)!);
        }
    }

    private IActorRefProvider CreateProvider()
    {
        var name = Settings.ProviderName;
        var factory = Setup.GetActorRefProvider(name) ?? name switch
        {
            "local" or "LithairAkka.Actors.LocalActorRefProvider" or "Akka.Actor.LocalActorRefProvider, Akka" =>
                static (systemName, settings, eventStream) => new LocalActorRefProvider(systemName, settings, eventStream),
            "remote" => ReflectiveFactory("LithairAkka.Remote.RemoteActorRefProvider, LithairAkka.Remote"),
            "cluster" => ReflectiveFactory("LithairAkka.Cluster.ClusterActorRefProvider, LithairAkka.Cluster"),
            _ => ReflectiveFactory(name),
        };

        return factory(Name, Settings, EventStream);
    }

    private static ActorRefProviderFactory ReflectiveFactory(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        var ctor = type is not null && typeof(IActorRefProvider).IsAssignableFrom(type)
            ? type.GetConstructor([typeof(string), typeof(ActorSystemSettings), typeof(EventStream)])
            : null;
        if (ctor is null)
        {
            throw new ConfigurationException(
                $"'akka.actor.provider' = [{typeName}] cannot be loaded: expected local, remote, cluster or an IActorRefProvider type " +
                "with a (string, ActorSystemSettings, EventStream) constructor, or a factory registered with ActorSystemSetup.WithActorRefProvider.");
        }

        return (systemName, settings, eventStream) => (IActorRefProvider)ctor.Invoke([systemName, settings, eventStream]);
    }
}
