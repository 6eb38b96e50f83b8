using Microsoft.Data.Sqlite;
using static LithairAkka.Persistence.Sql.Sqlite.SqliteConnections;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>The snapshot table on SQLite: writes on a <see cref="SqliteWriter"/>, reads on pooled connections.</summary>
internal sealed class SqliteSnapshotDao : ISnapshotDao
{
    private const string Criteria =
        "persistence_id = $pid AND sequence_number <= $maxSeq AND sequence_number >= $minSeq AND created <= $maxTs AND created >= $minTs";

    private readonly string _connectionString;
    private readonly SqliteWriter _writer;
    private readonly string _snapshot;
    private readonly string _schemaVersion;
    private readonly TimeProvider _timeProvider;

    public SqliteSnapshotDao(string connectionString, SqlTableNames tables, TimeProvider timeProvider)
    {
        _connectionString = connectionString;
        _timeProvider = timeProvider;
        _snapshot = Quote(tables.Snapshot);
        _schemaVersion = Quote(tables.SchemaVersion);
        _writer = new SqliteWriter(connectionString, "sqlite-snapshot-writer");
    }

    public Task InitializeAsync(bool createTables, CancellationToken token) => createTables
        ? _writer.RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var stored = SqliteSchema.ReadVersion(connection, transaction, _schemaVersion, SchemaVersion.SnapshotComponent);
            SchemaVersion.Check(SchemaVersion.SnapshotComponent, stored, SchemaVersion.Snapshot);
            Execute(
                connection,
                $"""
                CREATE TABLE IF NOT EXISTS {_snapshot} (
                    persistence_id TEXT NOT NULL,
                    sequence_number INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    snapshot BLOB NOT NULL,
                    manifest TEXT NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    PRIMARY KEY (persistence_id, sequence_number));
                """,
                transaction);
            if (stored is null)
            {
                SqliteSchema.WriteVersion(connection, transaction, _schemaVersion, SchemaVersion.SnapshotComponent, SchemaVersion.Snapshot, _timeProvider.GetUtcNow().UtcTicks);
            }

            transaction.Commit();
            return true;
        })
        : Task.CompletedTask;

    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT sequence_number, created, snapshot, manifest, serializer_id FROM {_snapshot} WHERE {Criteria} ORDER BY sequence_number DESC LIMIT 1";
        BindCriteria(command, persistenceId, criteria);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new SnapshotRow(persistenceId, reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2), reader.GetString(3), reader.GetInt32(4))
            : null);
    }

    public Task SaveAsync(SnapshotRow row, CancellationToken token) => _writer.RunAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {_snapshot} (persistence_id, sequence_number, created, snapshot, manifest, serializer_id) " +
            "VALUES ($pid, $seq, $created, $snapshot, $manifest, $serializer) " +
            "ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET created = excluded.created, snapshot = excluded.snapshot, " +
            "manifest = excluded.manifest, serializer_id = excluded.serializer_id";
        command.Parameters.AddWithValue("$pid", row.PersistenceId);
        command.Parameters.AddWithValue("$seq", row.SequenceNr);
        command.Parameters.AddWithValue("$created", row.Created);
        command.Parameters.Add("$snapshot", SqliteType.Blob).Value = row.Snapshot;
        command.Parameters.AddWithValue("$manifest", row.Manifest);
        command.Parameters.AddWithValue("$serializer", row.SerializerId);
        return command.ExecuteNonQuery();
    });

    public Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken token) => _writer.RunAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {_snapshot} WHERE persistence_id = $pid AND sequence_number = $seq";
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$seq", sequenceNr);
        return command.ExecuteNonQuery();
    });

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token) => _writer.RunAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {_snapshot} WHERE {Criteria}";
        BindCriteria(command, persistenceId, criteria);
        return command.ExecuteNonQuery();
    });

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void BindCriteria(SqliteCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$maxSeq", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minSeq", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$maxTs", criteria.MaxTimestamp.Ticks);
        command.Parameters.AddWithValue("$minTs", criteria.MinTimestamp?.Ticks ?? 0L);
    }
}
