using LithairAkka.Hocon;

namespace LithairAkka.Persistence.Sql;

/// <summary>
/// The settings of a SQL journal or snapshot-store plugin section (<c>akka.persistence.journal.sql</c>,
/// <c>akka.persistence.snapshot-store.sql</c>), bound and validated once: a bad value throws
/// <see cref="ConfigurationException"/> naming the key. Immutable.
/// </summary>
public sealed record SqlPluginSettings
{
    private SqlPluginSettings()
    {
    }

    /// <summary><c>provider</c>: sqlite or postgresql.</summary>
    public SqlProvider Provider { get; private init; }

    /// <summary><c>connection-string</c>.</summary>
    public string ConnectionString { get; private init; } = string.Empty;

    /// <summary><c>auto-initialize</c>: create missing tables.</summary>
    public bool AutoInitialize { get; private init; } = true;

    /// <summary><c>batch-size</c>: most atomic writes per transaction.</summary>
    public int BatchSize { get; private init; } = 100;

    /// <summary><c>parallelism</c>: transactions in flight at once (PostgreSQL; SQLite always has one writer).</summary>
    public int Parallelism { get; private init; } = 4;

    /// <summary><c>replay-batch-size</c>: rows per replay query.</summary>
    public int ReplayBatchSize { get; private init; } = 1000;

    /// <summary>The tables of <c>table-mapping</c>.</summary>
    public SqlTableNames Tables { get; private init; } = SqlTableNames.Default;

    /// <summary>Binds a plugin section (the section itself, as a plugin receives it).</summary>
    /// <param name="config">The plugin's config.</param>
    /// <param name="pluginId">The plugin id, for error messages.</param>
    /// <exception cref="ConfigurationException">When a value is invalid.</exception>
    public static SqlPluginSettings Create(Config config, string pluginId)
    {
        ArgumentNullException.ThrowIfNull(config);
        var connectionString = config.GetString("connection-string", string.Empty);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationException($"'{pluginId}.connection-string' must be set.");
        }

        var mapping = config.GetString("table-mapping", "default");
        string Table(string key, string fallback) => NonEmpty(config.GetString($"{mapping}.{key}.table-name", fallback), $"{pluginId}.{mapping}.{key}.table-name");
        var tables = new SqlTableNames(
            config.GetString($"{mapping}.schema-name", string.Empty) ?? string.Empty,
            Table("journal", "journal"),
            Table("tag", "tags"),
            Table("snapshot", "snapshot"),
            Table("schema-version", "schema_version"));

        return new SqlPluginSettings
        {
            Provider = ParseProvider(config.GetString("provider", "sqlite"), pluginId),
            ConnectionString = connectionString,
            AutoInitialize = config.GetBoolean("auto-initialize", true),
            BatchSize = Positive(config.GetInt("batch-size", 100), $"{pluginId}.batch-size"),
            Parallelism = Positive(config.GetInt("parallelism", 4), $"{pluginId}.parallelism"),
            ReplayBatchSize = Positive(config.GetInt("replay-batch-size", 1000), $"{pluginId}.replay-batch-size"),
            Tables = tables,
        };
    }

    private static SqlProvider ParseProvider(string value, string pluginId)
    {
        if (value.StartsWith("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return SqlProvider.Sqlite;
        }

        if (value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return SqlProvider.PostgreSql;
        }

        throw new ConfigurationException($"'{pluginId}.provider' must be sqlite or postgresql, was '{value}'.");
    }

    private static int Positive(int value, string key) =>
        value >= 1 ? value : throw new ConfigurationException($"'{key}' must be at least 1, was {value}.");

    private static string NonEmpty(string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('"', StringComparison.Ordinal))
        {
            throw new ConfigurationException($"'{key}' must be a non-empty table name without quotes, was '{value}'.");
        }

        return value;
    }
}
