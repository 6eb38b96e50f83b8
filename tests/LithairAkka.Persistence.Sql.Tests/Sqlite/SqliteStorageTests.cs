using LithairAkka.Persistence.Journal;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>What the SQL journal leaves in a SQLite file: Akka.Persistence.Sql's tables, WAL mode, deletion and tags.</summary>
public sealed class SqliteStorageTests(SqliteDatabase database, ITestOutputHelper output)
    : LithairAkka.TestKit.Xunit2.TestKit(database.Config, output), IClassFixture<SqliteDatabase>
{
    private readonly string _pid = "store-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void AutoInitialize_FirstUse_CreatesTheTablesWithTheDefaultColumnsAndVersion()
    {
        Write(1, "a");

        Assert.Equal(
            ["created", "deleted", "identifier", "manifest", "message", "ordering", "persistence_id", "sequence_number", "tags", "writer_uuid"],
            Columns("journal"));
        Assert.Equal(["ordering_id", "persistence_id", "sequence_nr", "tag"], Columns("tags"));
        Assert.Equal(1L, Scalar("SELECT version FROM schema_version WHERE component = 'journal'"));
    }

    [Fact]
    public void Journal_Database_IsInWalMode()
    {
        Write(1, "a");

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void Write_Event_StoresItsColumns()
    {
        Write(1, "a");

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT deleted, manifest, identifier, length(message), created FROM journal WHERE persistence_id = $p";
        command.Parameters.AddWithValue("$p", _pid);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.Equal("System.String, System.Private.CoreLib", reader.GetString(1));
        Assert.Equal(1L, reader.GetInt64(2));
        Assert.True(reader.GetInt64(3) > 0);
        Assert.True(reader.GetInt64(4) > DateTime.UnixEpoch.Ticks);
    }

    [Fact]
    public void DeleteMessagesTo_Prefix_RemovesThoseRows()
    {
        for (var i = 1; i <= 5; i++)
        {
            Write(i, "e" + i);
        }

        Delete(3);

        Assert.Equal([4L, 5L], Sequence("SELECT sequence_number FROM journal WHERE persistence_id = $p ORDER BY sequence_number"));
    }

    [Fact]
    public void DeleteMessagesTo_Everything_KeepsTheHighestRowMarkedDeleted()
    {
        for (var i = 1; i <= 3; i++)
        {
            Write(i, "e" + i);
        }

        Delete(long.MaxValue);

        Assert.Equal([3L], Sequence("SELECT sequence_number FROM journal WHERE persistence_id = $p"));
        Assert.Equal([1L], Sequence("SELECT deleted FROM journal WHERE persistence_id = $p"));
    }

    [Fact]
    public void Write_TaggedEvent_FillsTheTagsTableAndColumn()
    {
        Write(1, new Tagged("a", ["red", "blue"]));

        Assert.Equal([";red;blue;"], Strings("SELECT tags FROM journal WHERE persistence_id = $p"));
        Assert.Equal(["blue", "red"], Strings("SELECT tag FROM tags WHERE persistence_id = $p ORDER BY tag"));
    }

    [Fact]
    public void Write_TagWithSeparator_IsRejected()
    {
        var probe = CreateTestProbe();
        Persistence.Get(Sys).JournalFor(null).Tell(
            new WriteMessages([new AtomicWrite(new Persistent(new Tagged("a", ["x;y"]), 1, _pid))], probe.Ref, 1),
            probe.Ref);

        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageRejected>();
    }

    private void Write(long sequenceNr, object payload)
    {
        var probe = CreateTestProbe();
        Persistence.Get(Sys).JournalFor(null).Tell(
            new WriteMessages([new AtomicWrite(new Persistent(payload, sequenceNr, _pid, string.Empty, false, null, "w"))], probe.Ref, 1),
            probe.Ref);
        probe.ExpectMsg<WriteMessagesSuccessful>(TimeSpan.FromSeconds(15));
        probe.ExpectMsg<WriteMessageSuccess>();
    }

    private void Delete(long toSequenceNr)
    {
        var probe = CreateTestProbe();
        Persistence.Get(Sys).JournalFor(null).Tell(new DeleteMessagesTo(_pid, toSequenceNr, probe.Ref), probe.Ref);
        probe.ExpectMsg<DeleteMessagesSuccess>(TimeSpan.FromSeconds(15));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<string> Columns(string table)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private List<long> Sequence(string sql) => Query(sql, r => r.GetInt64(0));

    private List<string> Strings(string sql) => Query(sql, r => r.GetString(0));

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", _pid);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(read(reader));
        }

        return values;
    }
}
