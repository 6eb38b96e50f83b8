namespace LithairAkka.Persistence.Sql;

/// <summary>The database behind the SQL journal and snapshot store (key <c>provider</c>).</summary>
public enum SqlProvider
{
    /// <summary>SQLite through Microsoft.Data.Sqlite: an embedded file, one writer, WAL mode, <c>synchronous=FULL</c>.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: a pooled data source, concurrent writers.</summary>
    PostgreSql,
}
