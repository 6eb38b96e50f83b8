using LithairAkka.Persistence.Journal;
using LithairAkka.Persistence.Serialization;
using Npgsql;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>What the SQL journal leaves in PostgreSQL, on the plugin directly, in a schema of its own per test.</summary>
public sealed class PostgresStorageTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresDatabase.ConnectionString is not null)
        {
            await using var dataSource = NpgsqlDataSource.Create(PostgresDatabase.ConnectionString!);
            await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
            await command.ExecuteNonQueryAsync();
        }
    }

    [PostgresFact]
    public async Task WriteMessagesAsync_CustomSchema_CreatesTheTablesThere()
    {
        await using var journal = CreateJournal();
        await journal.WriteMessagesAsync([Write("p", 1, "a")], CancellationToken.None);

        var tables = await QueryAsync<string>($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{_schema}' ORDER BY table_name");
        Assert.Equal(["journal", "schema_version", "tags"], tables);
        Assert.Equal([1], await QueryAsync<int>($"SELECT version FROM \"{_schema}\".schema_version WHERE component = 'journal'"));
    }

    [PostgresFact]
    public async Task WriteMessagesAsync_TaggedEvents_FillTheTagsTableWithTheirOrdering()
    {
        await using var journal = CreateJournal();
        await journal.WriteMessagesAsync([Write("p", 1, new Tagged("a", ["x", "y"])), Write("p", 2, "b"), Write("q", 1, new Tagged("c", ["x"]))], CancellationToken.None);

        var rows = await QueryAsync<string>(
            $"SELECT t.tag || ':' || t.persistence_id || ':' || t.sequence_nr FROM \"{_schema}\".tags t " +
            $"JOIN \"{_schema}\".journal j ON j.ordering = t.ordering_id ORDER BY j.ordering, t.tag");
        Assert.Equal(["x:p:1", "y:p:1", "x:q:1"], rows);
    }

    [PostgresFact]
    public async Task DeleteMessagesToAsync_Everything_KeepsOnlyTheHighestRowMarkedDeleted()
    {
        await using var journal = CreateJournal();
        await journal.WriteMessagesAsync([Write("p", 1, "a"), Write("p", 2, "b"), Write("p", 3, "c")], CancellationToken.None);

        await journal.DeleteMessagesToAsync("p", long.MaxValue, CancellationToken.None);

        Assert.Equal(["3:True"], await QueryAsync<string>($"SELECT sequence_number || ':' || (CASE WHEN deleted THEN 'True' ELSE 'False' END) FROM \"{_schema}\".journal"));
        Assert.Equal(3, await journal.ReadHighestSequenceNrAsync("p", 0, CancellationToken.None));
    }

    [PostgresFact]
    public async Task WriteMessagesAsync_DuplicateSequenceNr_FailsAndStoresNothingOfTheCall()
    {
        await using var journal = CreateJournal();
        await journal.WriteMessagesAsync([Write("p", 1, "a")], CancellationToken.None);

        await Assert.ThrowsAsync<PostgresException>(async () => await journal.WriteMessagesAsync([Write("q", 1, "x"), Write("p", 1, "again")], CancellationToken.None));

        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("q", 0, CancellationToken.None));
    }

    private SqlJournal CreateJournal()
    {
        var section = Sqlite.SqliteDatabase.ConfigFor(PostgresDatabase.ConnectionString!, "postgresql", $"table-mapping = default\ndefault.schema-name = \"{_schema}\"")
            .GetConfig("akka.persistence.journal.sql")
            .WithFallback(Persistence.ReferenceConfig.GetConfig("akka.persistence.journal.sql"));
        return new SqlJournal(SqlPluginSettings.Create(section, "akka.persistence.journal.sql"), new JsonEventSerializer(), TimeProvider.System);
    }

    private static AtomicWrite Write(string pid, long sequenceNr, object payload) => new(new Persistent(payload, sequenceNr, pid, string.Empty, false, null, "w"));

    private static async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresDatabase.ConnectionString!);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
