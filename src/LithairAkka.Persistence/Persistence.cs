using System.Collections.Concurrent;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Serialization;

namespace LithairAkka.Persistence;

/// <summary>
/// The persistence extension of an actor system (<c>Persistence.Get(system)</c>): its settings, the event
/// serializer, the recovery permitter, and the journal and snapshot-store plugin actors, created on first use (or at
/// start for <c>auto-start-journals</c>) from their config sections under <c>/system</c>. Thread-safe.
/// </summary>
public sealed partial class Persistence : IExtension
{
    private const string JournalFallbackPath = "akka.persistence.journal-plugin-fallback";
    private const string SnapshotFallbackPath = "akka.persistence.snapshot-store-plugin-fallback";

    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, Lazy<PluginHolder>> _journals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<PluginHolder>> _snapshotStores = new(StringComparer.Ordinal);
    private int _autoStarted;

    internal Persistence(ExtendedActorSystem system)
    {
        _system = system;
        Config = system.Settings.Config.WithFallback(ReferenceConfig);
        Settings = PersistenceSettings.Create(Config);
        Serializer = system.Setup.Get<PersistenceSetup>()?.Serializer ?? new JsonEventSerializer();
        RecoveryPermitter = system.SystemActorOf(
            Props.Create(() => new RecoveryPermitter(Settings.MaxConcurrentRecoveries)),
            "recoveryPermitter");
    }

    /// <summary>The persistence defaults (<c>akka.persistence.*</c>) embedded in this assembly.</summary>
    public static Config ReferenceConfig { get; } = ConfigurationFactory.FromResource("persistence.reference.conf", typeof(Persistence).Assembly);

    /// <summary>The system's configuration over <see cref="ReferenceConfig"/>.</summary>
    public Config Config { get; }

    /// <summary>The bound <c>akka.persistence</c> settings.</summary>
    public PersistenceSettings Settings { get; }

    /// <summary>The serializer of event and snapshot payloads (<see cref="PersistenceSetup"/>, JSON by default).</summary>
    public IEventSerializer Serializer { get; }

    /// <summary>The actor handing out recovery permits (<c>max-concurrent-recoveries</c>).</summary>
    internal IActorRef RecoveryPermitter { get; }

    /// <summary>The extension of <paramref name="system"/>, created on first use.</summary>
    public static Persistence Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var persistence = system.WithExtension<Persistence, PersistenceExtension>();
        persistence.AutoStartOnce();
        return persistence;
    }

    /// <summary>The journal plugin actor of <paramref name="journalPluginId"/> (null or empty: the default plugin).</summary>
    /// <exception cref="ConfigurationException">When the plugin section or its class is missing or invalid.</exception>
    public IActorRef JournalFor(string? journalPluginId)
    {
        var id = string.IsNullOrEmpty(journalPluginId) ? Settings.DefaultJournalPluginId : journalPluginId;
        return GetOrCreate(_journals, id, CreateJournal).Ref;
    }

    /// <summary>The snapshot-store plugin actor of <paramref name="snapshotPluginId"/> (null or empty: the default plugin).</summary>
    /// <exception cref="ConfigurationException">When the plugin section or its class is missing or invalid.</exception>
    public IActorRef SnapshotStoreFor(string? snapshotPluginId)
    {
        var id = string.IsNullOrEmpty(snapshotPluginId) ? Settings.DefaultSnapshotPluginId : snapshotPluginId;
        return GetOrCreate(_snapshotStores, id, CreateSnapshotStore).Ref;
    }

    /// <summary>The configuration of a journal plugin: its section over <c>journal-plugin-fallback</c>.</summary>
    /// <exception cref="ConfigurationException">When the section does not exist.</exception>
    public Config JournalConfigFor(string? journalPluginId) =>
        PluginConfig(string.IsNullOrEmpty(journalPluginId) ? Settings.DefaultJournalPluginId : journalPluginId, JournalFallbackPath);

    /// <summary>The configuration of a snapshot-store plugin: its section over <c>snapshot-store-plugin-fallback</c>.</summary>
    /// <exception cref="ConfigurationException">When the section does not exist.</exception>
    public Config SnapshotStoreConfigFor(string? snapshotPluginId) =>
        PluginConfig(string.IsNullOrEmpty(snapshotPluginId) ? Settings.DefaultSnapshotPluginId : snapshotPluginId, SnapshotFallbackPath);

    /// <summary>How long a recovery through <paramref name="journalPluginId"/> may wait for the next event (<c>recovery-event-timeout</c>).</summary>
    internal TimeSpan RecoveryEventTimeout(string? journalPluginId)
    {
        var config = JournalConfigFor(journalPluginId);
        var timeout = config.GetTimeSpan("recovery-event-timeout", TimeSpan.FromSeconds(30));
        return timeout > TimeSpan.Zero
            ? timeout
            : throw new ConfigurationException($"'{journalPluginId}.recovery-event-timeout' must be positive, was {timeout}.");
    }

    /// <summary>
    /// Starts the <c>auto-start-*</c> plugins. Not in the constructor: a plugin's own constructor may call
    /// <see cref="Get"/>, which must then find the extension already registered.
    /// </summary>
    private void AutoStartOnce()
    {
        if (Interlocked.Exchange(ref _autoStarted, 1) != 0)
        {
            return;
        }

        foreach (var id in Settings.AutoStartJournals)
        {
            JournalFor(id);
        }

        foreach (var id in Settings.AutoStartSnapshotStores)
        {
            SnapshotStoreFor(id);
        }
    }

    private static PluginHolder GetOrCreate(ConcurrentDictionary<string, Lazy<PluginHolder>> plugins, string id, Func<string, PluginHolder> create)
    {
        var lazy = plugins.GetOrAdd(id, key => new Lazy<PluginHolder>(() => create(key)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation is not cached: fixing the configuration and asking again works.
            plugins.TryRemove(new KeyValuePair<string, Lazy<PluginHolder>>(id, lazy));
            throw;
        }
    }

    private sealed record PluginHolder(IActorRef Ref, object Plugin);
}
