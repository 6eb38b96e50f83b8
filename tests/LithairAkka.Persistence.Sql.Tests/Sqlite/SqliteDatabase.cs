using LithairAkka.Hocon;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>A SQLite database file in a temporary directory, shared by the tests of one class and deleted after them.</summary>
public sealed class SqliteDatabase : IDisposable
{
    public SqliteDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "lithair-sql-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = System.IO.Path.Combine(Directory, "persistence.db");
        ConnectionString = $"Data Source={FilePath}";
        Config = ConfigFor(ConnectionString);
    }

    /// <summary>The temporary directory.</summary>
    public string Directory { get; }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>A configuration whose default journal and snapshot store are the SQL plugins on this file.</summary>
    public Config Config { get; }

    /// <summary>The SQL plugins on <paramref name="connectionString"/> as default journal and snapshot store.</summary>
    public static Config ConfigFor(string connectionString, string provider = "sqlite", string extra = "") =>
        ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql {
              provider = {{provider}}
              connection-string = "{{Escape(connectionString)}}"
              {{extra}}
            }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
            akka.persistence.snapshot-store.sql {
              provider = {{provider}}
              connection-string = "{{Escape(connectionString)}}"
              {{extra}}
            }
            """);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A plugin of a terminated system may still be closing its connection; the OS cleans /tmp.
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
