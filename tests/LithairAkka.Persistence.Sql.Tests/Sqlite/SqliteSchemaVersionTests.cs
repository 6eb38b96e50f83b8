using LithairAkka.Persistence.Serialization;
using Microsoft.Data.Sqlite;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>The schema_version guard and auto-initialize = off, directly on the plugin.</summary>
public sealed class SqliteSchemaVersionTests : IDisposable
{
    private readonly SqliteDatabase _database = new();

    [Fact]
    public async Task WriteMessagesAsync_DatabaseFromANewerBuild_FailsNamingTheVersion()
    {
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE schema_version (component TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, applied INTEGER NOT NULL);" +
                "INSERT INTO schema_version VALUES ('journal', 99, 0);";
            command.ExecuteNonQuery();
        }

        await using var journal = Create(autoInitialize: true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await journal.WriteMessagesAsync([Write(1)], CancellationToken.None));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteMessagesAsync_AutoInitializeOffAndNoTables_Fails()
    {
        await using var journal = Create(autoInitialize: false);

        await Assert.ThrowsAsync<SqliteException>(async () => await journal.WriteMessagesAsync([Write(1)], CancellationToken.None));
    }

    [Fact]
    public async Task ReadHighestSequenceNrAsync_AfterWrites_IsTheHighestWritten()
    {
        await using var journal = Create(autoInitialize: true);
        await journal.WriteMessagesAsync([Write(1), Write(2)], CancellationToken.None);

        Assert.Equal(2, await journal.ReadHighestSequenceNrAsync("p", 0, CancellationToken.None));
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("other", 0, CancellationToken.None));
    }

    public void Dispose() => _database.Dispose();

    private static AtomicWrite Write(long sequenceNr) => new(new Persistent("x", sequenceNr, "p"));

    private SqlJournal Create(bool autoInitialize) => new(
        SqlPluginSettings.Create(
            SqliteDatabase.ConfigFor(_database.ConnectionString, extra: $"auto-initialize = {(autoInitialize ? "on" : "off")}")
                .GetConfig("akka.persistence.journal.sql")
                .WithFallback(Persistence.ReferenceConfig.GetConfig("akka.persistence.journal.sql")),
            "akka.persistence.journal.sql"),
        new JsonEventSerializer(),
        TimeProvider.System);
}
