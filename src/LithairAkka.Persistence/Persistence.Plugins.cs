using System.Reflection;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Journal;
using LithairAkka.Persistence.Snapshot;

namespace LithairAkka.Persistence;

/// <summary>Plugin creation from config sections.</summary>
public sealed partial class Persistence
{
    private PluginHolder CreateJournal(string id)
    {
        var config = PluginConfig(id, JournalFallbackPath);
        var journal = Instantiate<AsyncWriteJournal>(id, config);
        var props = Props.Create(() => new JournalActor(journal, id)).WithDispatcher(Dispatcher(id, config));
        return new PluginHolder(_system.SystemActorOf(props, id), journal);
    }

    private PluginHolder CreateSnapshotStore(string id)
    {
        var config = PluginConfig(id, SnapshotFallbackPath);
        var store = Instantiate<SnapshotStore>(id, config);
        var props = Props.Create(() => new SnapshotStoreActor(store, id)).WithDispatcher(Dispatcher(id, config));
        return new PluginHolder(_system.SystemActorOf(props, id), store);
    }

    private Config PluginConfig(string id, string fallbackPath)
    {
        if (!Config.HasPath(id) || Config.GetValue(id)?.Type != HoconValueType.Object)
        {
            throw new ConfigurationException($"Persistence plugin [{id}] is not configured: '{id}' must be a section with a 'class' key.");
        }

        return Config.GetConfig(id).WithFallback(Config.GetConfig(fallbackPath));
    }

    private static string Dispatcher(string id, Config config)
    {
        var dispatcher = config.GetString("plugin-dispatcher", "akka.actor.default-dispatcher");
        return string.IsNullOrWhiteSpace(dispatcher)
            ? throw new ConfigurationException($"'{id}.plugin-dispatcher' must not be empty.")
            : dispatcher;
    }

    private T Instantiate<T>(string id, Config config)
        where T : class
    {
        var typeName = config.GetString("class", string.Empty);
        var type = string.IsNullOrWhiteSpace(typeName) ? null : Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(T).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ConfigurationException(
                $"'{id}.class' = [{typeName}] must name a concrete {typeof(T).Name} type (\"Namespace.Type, Assembly\").");
        }

        try
        {
            if (type.GetConstructor([typeof(Config), typeof(ActorSystem)]) is { } withSystem)
            {
                return (T)withSystem.Invoke([config, _system]);
            }

            if (type.GetConstructor([typeof(Config)]) is { } withConfig)
            {
                return (T)withConfig.Invoke([config]);
            }

            if (type.GetConstructor(Type.EmptyTypes) is { } parameterless)
            {
                return (T)parameterless.Invoke([]);
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ConfigurationException($"Persistence plugin [{id}] ({type}) failed to start: {e.InnerException.Message}", e.InnerException);
        }

        throw new ConfigurationException(
            $"Persistence plugin [{id}] ({type}) needs a public (Config, ActorSystem), (Config) or parameterless constructor.");
    }
}
