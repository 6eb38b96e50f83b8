using LithairAkka.Hocon;
using LithairAkka.Persistence.Sql.Tests.Sqlite;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>The PostgreSQL database of the tests: <c>LITHAIR_PG_CONNECTION</c>, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=lithair_test</c>.</summary>
public static class PostgresDatabase
{
    public const string Variable = "LITHAIR_PG_CONNECTION";

    /// <summary>The connection string, or null when the variable is not set.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null
        ? $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=lithair_test); ops/ci/postgres.sh start prints one."
        : null;

    /// <summary>The SQL plugins on PostgreSQL as default journal and snapshot store.</summary>
    public static Config Config => SqliteDatabase.ConfigFor(
        ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set."),
        "postgresql");
}
