using Npgsql;
using static LithairAkka.Persistence.Sql.Postgres.PostgresDataSources;

namespace LithairAkka.Persistence.Sql.Postgres;

/// <summary>The snapshot table on PostgreSQL.</summary>
internal sealed class PostgresSnapshotDao : ISnapshotDao
{
    private const string Criteria =
        "persistence_id = @pid AND sequence_number <= @maxSeq AND sequence_number >= @minSeq AND created <= @maxTs AND created >= @minTs";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SqlTableNames _tables;
    private readonly TimeProvider _timeProvider;
    private readonly string _snapshot;

    public PostgresSnapshotDao(string connectionString, SqlTableNames tables, TimeProvider timeProvider)
    {
        _dataSource = PostgresDataSources.Create(connectionString);
        _tables = tables;
        _timeProvider = timeProvider;
        _snapshot = Qualify(tables.Schema, tables.Snapshot);
    }

    public Task InitializeAsync(bool createTables, CancellationToken token) => createTables
        ? PostgresDataSources.InitializeAsync(
            _dataSource,
            _tables,
            SchemaVersion.SnapshotComponent,
            SchemaVersion.Snapshot,
            _timeProvider.GetUtcNow().UtcTicks,
            () => $"""
                CREATE TABLE IF NOT EXISTS {_snapshot} (
                    persistence_id VARCHAR(255) NOT NULL,
                    sequence_number BIGINT NOT NULL,
                    created BIGINT NOT NULL,
                    snapshot BYTEA NOT NULL,
                    manifest VARCHAR(500) NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    PRIMARY KEY (persistence_id, sequence_number));
                """,
            token)
        : Task.CompletedTask;

    public async Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT sequence_number, created, snapshot, manifest, serializer_id FROM {_snapshot} WHERE {Criteria} ORDER BY sequence_number DESC LIMIT 1");
        BindCriteria(command, persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        return await reader.ReadAsync(token).ConfigureAwait(false)
            ? new SnapshotRow(persistenceId, reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.GetInt32(4))
            : null;
    }

    public async Task SaveAsync(SnapshotRow row, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO {_snapshot} (persistence_id, sequence_number, created, snapshot, manifest, serializer_id) " +
            "VALUES (@pid, @seq, @created, @snapshot, @manifest, @serializer) " +
            "ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET created = EXCLUDED.created, snapshot = EXCLUDED.snapshot, " +
            "manifest = EXCLUDED.manifest, serializer_id = EXCLUDED.serializer_id");
        command.Parameters.Add(new NpgsqlParameter<string>("pid", row.PersistenceId));
        command.Parameters.Add(new NpgsqlParameter<long>("seq", row.SequenceNr));
        command.Parameters.Add(new NpgsqlParameter<long>("created", row.Created));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("snapshot", row.Snapshot));
        command.Parameters.Add(new NpgsqlParameter<string>("manifest", row.Manifest));
        command.Parameters.Add(new NpgsqlParameter<int>("serializer", row.SerializerId));
        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_snapshot} WHERE persistence_id = @pid AND sequence_number = @seq");
        command.Parameters.Add(new NpgsqlParameter<string>("pid", persistenceId));
        command.Parameters.Add(new NpgsqlParameter<long>("seq", sequenceNr));
        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_snapshot} WHERE {Criteria}");
        BindCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void BindCriteria(NpgsqlCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("pid", persistenceId));
        command.Parameters.Add(new NpgsqlParameter<long>("maxSeq", criteria.MaxSequenceNr));
        command.Parameters.Add(new NpgsqlParameter<long>("minSeq", criteria.MinSequenceNr));
        command.Parameters.Add(new NpgsqlParameter<long>("maxTs", criteria.MaxTimestamp.Ticks));
        command.Parameters.Add(new NpgsqlParameter<long>("minTs", criteria.MinTimestamp?.Ticks ?? 0L));
    }
}
