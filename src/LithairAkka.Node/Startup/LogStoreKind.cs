namespace LithairAkka.Node.Startup;

/// <summary>Where the node keeps its replicated log (<c>lithair.node.log-store</c>).</summary>
internal enum LogStoreKind
{
    /// <summary><c>file</c>: the segmented <c>FileLogStore</c> under <c>DATA/log</c>.</summary>
    File,

    /// <summary><c>sqlite</c>: the SQL log store on an embedded SQLite file, <c>DATA/log.db</c> by default.</summary>
    Sqlite,

    /// <summary><c>postgresql</c>: the SQL log store on a PostgreSQL server (connection string required).</summary>
    PostgreSql,
}
