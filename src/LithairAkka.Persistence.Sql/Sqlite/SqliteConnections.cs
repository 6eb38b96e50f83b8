using Microsoft.Data.Sqlite;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>Opening and small helpers for SQLite connections.</summary>
internal static class SqliteConnections
{
    /// <summary>Opens a connection with a busy timeout, so that a reader or a second writer waits instead of failing.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=10000;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>A quoted identifier.</summary>
    public static string Quote(string name) => "\"" + name + "\"";
}
