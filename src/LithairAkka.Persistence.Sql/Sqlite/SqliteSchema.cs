using Microsoft.Data.Sqlite;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>The schema_version table on SQLite.</summary>
internal static class SqliteSchema
{
    /// <summary>Creates the table when missing and returns the component's recorded version, or null.</summary>
    public static long? ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string table, string component)
    {
        SqliteConnections.Execute(
            connection,
            $"CREATE TABLE IF NOT EXISTS {table} (component TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, applied INTEGER NOT NULL);",
            transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version FROM {table} WHERE component = $component";
        command.Parameters.AddWithValue("$component", component);
        return command.ExecuteScalar() is long version ? version : null;
    }

    public static void WriteVersion(SqliteConnection connection, SqliteTransaction transaction, string table, string component, int version, long appliedTicks)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR REPLACE INTO {table} (component, version, applied) VALUES ($component, $version, $applied)";
        command.Parameters.AddWithValue("$component", component);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$applied", appliedTicks);
        command.ExecuteNonQuery();
    }
}
