using LithairAkka.Hocon;

namespace LithairAkka.Node.Startup;

/// <summary>
/// The node's log store: <c>lithair.node.log-store</c> (<c>file</c>, <c>sqlite</c> or <c>postgresql</c>) and
/// <c>lithair.node.log-store-connection-string</c>. Bound and validated before anything starts. Immutable.
/// </summary>
/// <param name="Kind">Which store.</param>
/// <param name="ConnectionString">
/// The ADO.NET connection string of the SQL stores (for SQLite, <c>Data Source=DATA/log.db</c> unless set); empty for
/// <see cref="LogStoreKind.File"/>.
/// </param>
internal sealed record LogStoreSettings(LogStoreKind Kind, string ConnectionString)
{
    /// <summary>The key choosing the store.</summary>
    public const string KindPath = "lithair.node.log-store";

    /// <summary>The key of the SQL stores' connection string.</summary>
    public const string ConnectionStringPath = "lithair.node.log-store-connection-string";

    /// <summary>The SQLite file under the data directory when no connection string is set.</summary>
    public const string SqliteFileName = "log.db";

    /// <summary>Binds the keys of <paramref name="config"/>; <paramref name="dataDirectory"/> places the SQLite file.</summary>
    /// <exception cref="StartupException">An unknown store, or PostgreSQL without a connection string.</exception>
    public static LogStoreSettings FromConfig(Config config, string dataDirectory)
    {
        var raw = config.GetString(KindPath, "file");
        var connection = config.GetString(ConnectionStringPath, string.Empty).Trim();
        var kind = raw.Trim().ToLowerInvariant() switch
        {
            "file" => LogStoreKind.File,
            "sqlite" => LogStoreKind.Sqlite,
            "postgresql" => LogStoreKind.PostgreSql,
            _ => throw new StartupException($"{KindPath} (LITHAIR_LOG_STORE) must be file, sqlite or postgresql, not '{raw}'."),
        };
        return kind switch
        {
            LogStoreKind.File => new LogStoreSettings(kind, string.Empty),
            LogStoreKind.Sqlite when connection.Length == 0 =>
                new LogStoreSettings(kind, "Data Source=" + Path.Combine(dataDirectory, SqliteFileName)),
            LogStoreKind.PostgreSql when connection.Length == 0 => throw new StartupException(
                $"{KindPath} = postgresql needs {ConnectionStringPath} (LITHAIR_LOG_STORE_CONNECTION_STRING), e.g. \"Host=db;Username=lithair;Password=...;Database=lithair\"."),
            _ => new LogStoreSettings(kind, connection),
        };
    }

    /// <summary>The connection string without its password, for logs.</summary>
    public string Describe() => Kind switch
    {
        LogStoreKind.File => "file",
        LogStoreKind.Sqlite => "sqlite (" + Redact(ConnectionString) + ")",
        _ => "postgresql (" + Redact(ConnectionString) + ")",
    };

    private static string Redact(string connectionString) => string.Join(
        ';',
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
}
