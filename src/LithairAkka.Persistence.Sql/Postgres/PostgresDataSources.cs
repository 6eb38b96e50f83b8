using Npgsql;

namespace LithairAkka.Persistence.Sql.Postgres;

/// <summary>Creating pooled data sources and qualified table names for PostgreSQL.</summary>
internal static class PostgresDataSources
{
    /// <summary>A pooled data source; statements repeated on a connection are prepared automatically.</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }

    /// <summary>"schema"."table", or "table" without schema.</summary>
    public static string Qualify(string schema, string table) =>
        string.IsNullOrEmpty(schema) ? Quote(table) : Quote(schema) + "." + Quote(table);

    public static string Quote(string name) => "\"" + name + "\"";

    /// <summary>
    /// Runs <paramref name="create"/> inside a transaction holding an advisory lock, so that plugins of several nodes
    /// (or a journal and a snapshot store) starting together do not race on CREATE TABLE; creates the schema and the
    /// schema_version table first, and records <paramref name="version"/> for <paramref name="component"/>.
    /// </summary>
    public static async Task InitializeAsync(
        NpgsqlDataSource dataSource,
        SqlTableNames tables,
        string component,
        int version,
        long appliedTicks,
        Func<string> create,
        CancellationToken token)
    {
        var schemaVersion = Qualify(tables.Schema, tables.SchemaVersion);
        await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('lithair-akka-persistence-schema'))", token).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(tables.Schema))
        {
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {Quote(tables.Schema)}", token).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"CREATE TABLE IF NOT EXISTS {schemaVersion} (component VARCHAR(64) NOT NULL PRIMARY KEY, version INTEGER NOT NULL, applied BIGINT NOT NULL)",
            token).ConfigureAwait(false);
        long? stored;
        await using (var read = new NpgsqlCommand($"SELECT version FROM {schemaVersion} WHERE component = @component", connection, transaction))
        {
            read.Parameters.AddWithValue("component", component);
            stored = await read.ExecuteScalarAsync(token).ConfigureAwait(false) is int v ? v : null;
        }

        SchemaVersion.Check(component, stored, version);
        await ExecuteAsync(connection, transaction, create(), token).ConfigureAwait(false);
        await using (var write = new NpgsqlCommand(
            $"INSERT INTO {schemaVersion} (component, version, applied) VALUES (@component, @version, @applied) ON CONFLICT (component) DO NOTHING",
            connection,
            transaction))
        {
            write.Parameters.AddWithValue("component", component);
            write.Parameters.AddWithValue("version", version);
            write.Parameters.AddWithValue("applied", appliedTicks);
            await write.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        await transaction.CommitAsync(token).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }
}
