using LithairAkka.Hocon;

namespace LithairAkka.Persistence;

/// <summary>
/// The <c>akka.persistence</c> settings, bound once from the actor system's configuration over the persistence
/// reference defaults and validated: a bad value throws <see cref="ConfigurationException"/> naming the key.
/// Immutable.
/// </summary>
public sealed record PersistenceSettings
{
    private PersistenceSettings()
    {
    }

    /// <summary><c>akka.persistence.max-concurrent-recoveries</c>: persistent actors replaying at once.</summary>
    public int MaxConcurrentRecoveries { get; private init; } = 50;

    /// <summary><c>akka.persistence.journal.plugin</c>: the default journal plugin id.</summary>
    public string DefaultJournalPluginId { get; private init; } = "akka.persistence.journal.inmem";

    /// <summary><c>akka.persistence.snapshot-store.plugin</c>: the default snapshot-store plugin id.</summary>
    public string DefaultSnapshotPluginId { get; private init; } = "akka.persistence.snapshot-store.inmem";

    /// <summary><c>akka.persistence.journal.auto-start-journals</c>.</summary>
    public IReadOnlyList<string> AutoStartJournals { get; private init; } = [];

    /// <summary><c>akka.persistence.snapshot-store.auto-start-snapshot-stores</c>.</summary>
    public IReadOnlyList<string> AutoStartSnapshotStores { get; private init; } = [];

    /// <summary>Binds and validates the settings from a configuration that contains the persistence defaults.</summary>
    /// <exception cref="ConfigurationException">When a value is invalid.</exception>
    public static PersistenceSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string MaxRecoveries = "akka.persistence.max-concurrent-recoveries";
        var maxRecoveries = config.GetInt(MaxRecoveries, 50);
        if (maxRecoveries < 1)
        {
            throw new ConfigurationException($"'{MaxRecoveries}' must be at least 1, was {maxRecoveries}.");
        }

        return new PersistenceSettings
        {
            MaxConcurrentRecoveries = maxRecoveries,
            DefaultJournalPluginId = PluginId(config, "akka.persistence.journal.plugin"),
            DefaultSnapshotPluginId = PluginId(config, "akka.persistence.snapshot-store.plugin"),
            AutoStartJournals = config.GetStringList("akka.persistence.journal.auto-start-journals", []),
            AutoStartSnapshotStores = config.GetStringList("akka.persistence.snapshot-store.auto-start-snapshot-stores", []),
        };
    }

    private static string PluginId(Config config, string key)
    {
        var id = config.GetString(key, string.Empty);
        return string.IsNullOrWhiteSpace(id)
            ? throw new ConfigurationException($"'{key}' must name a plugin section, e.g. \"akka.persistence.journal.inmem\".")
            : id;
    }
}
