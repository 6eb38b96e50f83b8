using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>
/// The log tables on PostgreSQL. A round is one transaction sent as one batch: each append is a single
/// <c>INSERT … SELECT FROM unnest(…)</c> of its entries, so a round costs two round trips (batch, commit) whatever its size.
/// </summary>
internal sealed class PostgresLogTables : ILogTables
{
    private const string Component = "log-store";
    private const int Version = 1;

    private readonly SqlLogStoreOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _entries;
    private readonly string _groups;

    public PostgresLogTables(SqlLogStoreOptions options)
    {
        _options = options;
        _dataSource = PostgresDataSources.Create(options.ConnectionString);
        _entries = PostgresDataSources.Qualify(options.Schema, options.EntryTable);
        _groups = PostgresDataSources.Qualify(options.Schema, options.GroupTable);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Location = $"postgresql:{builder.Host}:{builder.Port}/{builder.Database} table {_entries}";
    }

    public string Location { get; }

    public Task InitializeAsync(CancellationToken token) => PostgresDataSources.InitializeAsync(
        _dataSource,
        SqlTableNames.Default with { Schema = _options.Schema, SchemaVersion = _options.SchemaVersionTable },
        Component,
        Version,
        _options.Time.GetUtcNow().UtcTicks,
        () => $"""
            CREATE TABLE IF NOT EXISTS {_entries} (
                group_id BIGINT NOT NULL,
                idx BIGINT NOT NULL,
                term BIGINT NOT NULL,
                kind SMALLINT NOT NULL,
                payload BYTEA NOT NULL,
                checksum BIGINT NOT NULL,
                PRIMARY KEY (group_id, idx));
            CREATE TABLE IF NOT EXISTS {_groups} (
                group_id BIGINT NOT NULL PRIMARY KEY,
                term BIGINT NOT NULL,
                voted_for BIGINT NULL,
                commit_index BIGINT NOT NULL,
                compacted_index BIGINT NOT NULL,
                compacted_term BIGINT NOT NULL);
            """,
        token);

    public async Task<IReadOnlyList<LogGroupRow>> LoadGroupsAsync(CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT group_id, term, voted_for, commit_index, compacted_index, compacted_term FROM {_groups}");
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        var rows = new List<LogGroupRow>();
        while (await reader.ReadAsync(token).ConfigureAwait(false))
        {
            long? vote = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            rows.Add(new LogGroupRow(reader.GetInt64(0), new HardState(reader.GetInt64(1), vote, reader.GetInt64(3)), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return rows;
    }

    public async Task LoadEntriesAsync(bool withPayload, Action<StoredLogEntry> visit, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(withPayload
            ? $"SELECT group_id, idx, term, kind, payload, checksum FROM {_entries} ORDER BY group_id, idx"
            : $"SELECT group_id, idx, term, kind FROM {_entries} ORDER BY group_id, idx");
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        while (await reader.ReadAsync(token).ConfigureAwait(false))
        {
            visit(withPayload ? ReadRow(reader) : new StoredLogEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), (byte)reader.GetInt16(3), [], 0));
        }
    }

    public async Task CommitRoundAsync(IReadOnlyList<WriteRequest> round, IReadOnlyList<LogGroupRow> groupRows, CancellationToken token)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var request in round)
        {
            if (request.Accepted)
            {
                AddCommand(batch, request);
            }
        }

        foreach (var row in groupRows)
        {
            batch.BatchCommands.Add(UpsertGroup(row));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        await transaction.CommitAsync(token).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredLogEntry>> ReadAsync(long groupId, long fromIndex, long toIndex, long maxBytes, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT group_id, idx, term, kind, payload, checksum FROM {_entries} WHERE group_id = $1 AND idx >= $2 AND idx < $3 ORDER BY idx");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = groupId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromIndex });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toIndex });
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        var rows = new List<StoredLogEntry>();
        long bytes = 0;
        while (await reader.ReadAsync(token).ConfigureAwait(false))
        {
            var row = ReadRow(reader);
            bytes += row.Payload.Length;
            if (bytes > maxBytes && rows.Count > 0)
            {
                break;
            }

            rows.Add(row);
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static StoredLogEntry ReadRow(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        (byte)reader.GetInt16(3),
        reader.GetFieldValue<byte[]>(4),
        (uint)reader.GetInt64(5));

    private void AddCommand(NpgsqlBatch batch, WriteRequest request)
    {
        switch (request.Type)
        {
            case RecordType.Entry:
                var entries = request.Entries.Span;
                var indices = new long[entries.Length];
                var terms = new long[entries.Length];
                var kinds = new short[entries.Length];
                var payloads = new byte[entries.Length][];
                var checksums = new long[entries.Length];
                for (var i = 0; i < entries.Length; i++)
                {
                    ref readonly var entry = ref entries[i];
                    indices[i] = entry.Index;
                    terms[i] = entry.Term;
                    kinds[i] = entry.Kind;
                    payloads[i] = entry.Payload.ToArray();
                    checksums[i] = StoredLogEntry.Compute(request.GroupId, entry.Index, entry.Term, entry.Kind, entry.Payload.Span);
                }

                var insert = new NpgsqlBatchCommand(
                    $"INSERT INTO {_entries} (group_id, idx, term, kind, payload, checksum) SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::smallint[], $5::bytea[], $6::bigint[])");
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.GroupId });
                insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = indices });
                insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = terms });
                insert.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = kinds });
                insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
                insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = checksums });
                batch.BatchCommands.Add(insert);
                break;
            case RecordType.Truncate:
                batch.BatchCommands.Add(Delete($"DELETE FROM {_entries} WHERE group_id = $1 AND idx >= $2", request.GroupId, request.Index));
                break;
            case RecordType.Compact:
                // Raft's snapshot rule: the suffix survives only when the log agrees with the snapshot's last entry.
                batch.BatchCommands.Add(request.KeepSuffix
                    ? Delete($"DELETE FROM {_entries} WHERE group_id = $1 AND idx <= $2", request.GroupId, request.Index)
                    : Delete($"DELETE FROM {_entries} WHERE group_id = $1", request.GroupId, null));
                break;
            default:
                break; // The hard state is in the group row.
        }
    }

    private static NpgsqlBatchCommand Delete(string sql, long groupId, long? index)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = groupId });
        if (index is { } i)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = i });
        }

        return command;
    }

    private NpgsqlBatchCommand UpsertGroup(LogGroupRow row)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {_groups} (group_id, term, voted_for, commit_index, compacted_index, compacted_term)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (group_id) DO UPDATE SET term = excluded.term, voted_for = excluded.voted_for,
                commit_index = excluded.commit_index, compacted_index = excluded.compacted_index, compacted_term = excluded.compacted_term
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.GroupId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.HardState.Term });
        command.Parameters.Add(new NpgsqlParameter { Value = row.HardState.VotedFor is { } vote ? vote : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.HardState.CommitIndex });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.CompactedIndex });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.CompactedTerm });
        return command;
    }
}
