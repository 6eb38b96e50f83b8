using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql.Log;
using LithairAkka.Persistence.Sql.Tests.Sqlite;
using LithairAkka.Persistence.Tests.Log;
using Microsoft.Data.Sqlite;

namespace LithairAkka.Persistence.Sql.Tests.Log;

/// <summary>Damaged rows are found at open (or on read when open does not verify) and reported exactly.</summary>
public sealed class SqlLogStoreCorruptionTests : IDisposable
{
    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task OpenAsync_DamagedPayload_ThrowsNamingGroupIndexAndChecksums()
    {
        await WriteAsync();
        Execute("UPDATE log_entry SET payload = zeroblob(32) WHERE group_id = 3 AND idx = 7");

        var error = await Assert.ThrowsAsync<LogCorruptionException>(() => SqlLogStore.OpenAsync(Options()));

        Assert.Equal(3, error.GroupId);
        Assert.Equal(7, error.Index);
        Assert.NotNull(error.ExpectedChecksum);
        Assert.NotEqual(error.ExpectedChecksum, error.FoundChecksum);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingRow_ThrowsNamingTheHole()
    {
        await WriteAsync();
        Execute("DELETE FROM log_entry WHERE group_id = 3 AND idx = 5");

        var error = await Assert.ThrowsAsync<LogCorruptionException>(() => SqlLogStore.OpenAsync(Options()));

        Assert.Equal(3, error.GroupId);
        Assert.Contains("entry 5 is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WithoutVerifyOnOpen_DetectsDamagedPayload()
    {
        await WriteAsync();
        Execute("UPDATE log_entry SET payload = zeroblob(32) WHERE group_id = 3 AND idx = 7");
        await using var store = await SqlLogStore.OpenAsync(Options() with { VerifyOnOpen = false });

        Entries.AssertMatches(3, (await store.ReadAsync(3, 6, 7, long.MaxValue))[0], 6, 1);
        var error = await Assert.ThrowsAsync<LogCorruptionException>(async () => await store.ReadAsync(3, 1, 11, long.MaxValue));
        Assert.Equal(7, error.Index);
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_RefusesWithClearMessage()
    {
        await WriteAsync();
        Execute("UPDATE schema_version SET version = 99 WHERE component = 'log-store'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlLogStore.OpenAsync(Options()));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    private SqlLogStoreOptions Options() => new(SqlProvider.Sqlite, _database.ConnectionString);

    private async Task WriteAsync()
    {
        await using var store = await SqlLogStore.OpenAsync(Options());
        await store.AppendAsync(3, Entries.Range(3, 1, 10, term: 1));
        await store.SaveHardStateAsync(3, new HardState(1, 2, 4));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
