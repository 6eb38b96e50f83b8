using System.Runtime.InteropServices;
using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql.Sqlite;
using Microsoft.Data.Sqlite;
using static LithairAkka.Persistence.Sql.Sqlite.SqliteConnections;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>The log tables on SQLite: WAL mode, <c>synchronous=FULL</c>, one writer connection, pooled readers.</summary>
internal sealed class SqliteLogTables(SqlLogStoreOptions options) : ILogTables
{
    private const string Component = "log-store";
    private const int Version = 1;

    private readonly string _entries = Quote(options.EntryTable);
    private readonly string _groups = Quote(options.GroupTable);
    private SqliteConnection? _writer;
    private SqliteCommand? _insert;

    public string Location { get; } = "sqlite:" + new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;

    public Task InitializeAsync(CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        _writer = Open(options.ConnectionString);
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        using (var transaction = _writer.BeginTransaction())
        {
            var stored = SqliteSchema.ReadVersion(_writer, transaction, Quote(options.SchemaVersionTable), Component);
            SchemaVersion.Check(Component, stored, Version);
            Execute(
                _writer,
                $"""
                CREATE TABLE IF NOT EXISTS {_entries} (
                    group_id INTEGER NOT NULL,
                    idx INTEGER NOT NULL,
                    term INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    checksum INTEGER NOT NULL,
                    PRIMARY KEY (group_id, idx)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS {_groups} (
                    group_id INTEGER NOT NULL PRIMARY KEY,
                    term INTEGER NOT NULL,
                    voted_for INTEGER NULL,
                    commit_index INTEGER NOT NULL,
                    compacted_index INTEGER NOT NULL,
                    compacted_term INTEGER NOT NULL);
                """,
                transaction);
            if (stored is null)
            {
                SqliteSchema.WriteVersion(_writer, transaction, Quote(options.SchemaVersionTable), Component, Version, options.Time.GetUtcNow().UtcTicks);
            }

            transaction.Commit();
        }

        _insert = _writer.CreateCommand();
        _insert.CommandText = $"INSERT INTO {_entries} (group_id, idx, term, kind, payload, checksum) VALUES ($g, $i, $t, $k, $p, $c)";
        foreach (var name in new[] { "$g", "$i", "$t", "$k", "$p", "$c" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _insert.Prepare();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LogGroupRow>> LoadGroupsAsync(CancellationToken token)
    {
        using var command = Writer.CreateCommand();
        command.CommandText = $"SELECT group_id, term, voted_for, commit_index, compacted_index, compacted_term FROM {_groups}";
        using var reader = command.ExecuteReader();
        var rows = new List<LogGroupRow>();
        while (reader.Read())
        {
            token.ThrowIfCancellationRequested();
            long? vote = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            rows.Add(new LogGroupRow(reader.GetInt64(0), new HardState(reader.GetInt64(1), vote, reader.GetInt64(3)), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return Task.FromResult<IReadOnlyList<LogGroupRow>>(rows);
    }

    public Task LoadEntriesAsync(bool withPayload, Action<StoredLogEntry> visit, CancellationToken token)
    {
        using var command = Writer.CreateCommand();
        command.CommandText = withPayload
            ? $"SELECT group_id, idx, term, kind, payload, checksum FROM {_entries} ORDER BY group_id, idx"
            : $"SELECT group_id, idx, term, kind FROM {_entries} ORDER BY group_id, idx";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            token.ThrowIfCancellationRequested();
            visit(withPayload ? ReadRow(reader) : new StoredLogEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetByte(3), [], 0));
        }

        return Task.CompletedTask;
    }

    public Task CommitRoundAsync(IReadOnlyList<WriteRequest> round, IReadOnlyList<LogGroupRow> groupRows, CancellationToken token)
    {
        using var transaction = Writer.BeginTransaction();
        var insert = _insert!;
        insert.Transaction = transaction;
        foreach (var request in round)
        {
            if (!request.Accepted)
            {
                continue;
            }

            switch (request.Type)
            {
                case RecordType.Entry:
                    foreach (ref readonly var entry in request.Entries.Span)
                    {
                        insert.Parameters[0].Value = request.GroupId;
                        insert.Parameters[1].Value = entry.Index;
                        insert.Parameters[2].Value = entry.Term;
                        insert.Parameters[3].Value = (long)entry.Kind;
                        insert.Parameters[4].Value = AsArray(entry.Payload);
                        insert.Parameters[5].Value = (long)StoredLogEntry.Compute(request.GroupId, entry.Index, entry.Term, entry.Kind, entry.Payload.Span);
                        insert.ExecuteNonQuery();
                    }

                    break;
                case RecordType.Truncate:
                    Delete(transaction, $"DELETE FROM {_entries} WHERE group_id = $g AND idx >= $i", request.GroupId, request.Index);
                    break;
                case RecordType.Compact:
                    // Raft's snapshot rule: the suffix survives only when the log agrees with the snapshot's last entry.
                    if (request.KeepSuffix)
                    {
                        Delete(transaction, $"DELETE FROM {_entries} WHERE group_id = $g AND idx <= $i", request.GroupId, request.Index);
                    }
                    else
                    {
                        Delete(transaction, $"DELETE FROM {_entries} WHERE group_id = $g", request.GroupId, null);
                    }

                    break;
                default:
                    break; // The hard state is in the group row written below.
            }
        }

        foreach (var row in groupRows)
        {
            UpsertGroup(transaction, row);
        }

        token.ThrowIfCancellationRequested();
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredLogEntry>> ReadAsync(long groupId, long fromIndex, long toIndex, long maxBytes, CancellationToken token)
    {
        using var connection = Open(options.ConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT group_id, idx, term, kind, payload, checksum FROM {_entries} WHERE group_id = $g AND idx >= $f AND idx < $t ORDER BY idx";
        command.Parameters.AddWithValue("$g", groupId);
        command.Parameters.AddWithValue("$f", fromIndex);
        command.Parameters.AddWithValue("$t", toIndex);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredLogEntry>();
        long bytes = 0;
        while (reader.Read())
        {
            token.ThrowIfCancellationRequested();
            var row = ReadRow(reader);
            bytes += row.Payload.Length;
            if (bytes > maxBytes && rows.Count > 0)
            {
                break;
            }

            rows.Add(row);
        }

        return Task.FromResult<IReadOnlyList<StoredLogEntry>>(rows);
    }

    public ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _writer?.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Writer => _writer ?? throw new InvalidOperationException("The log tables are not initialised.");

    private static StoredLogEntry ReadRow(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.GetByte(3),
        (byte[])reader.GetValue(4),
        (uint)reader.GetInt64(5));

    private static byte[] AsArray(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();

    private void Delete(SqliteTransaction transaction, string sql, long groupId, long? index)
    {
        using var command = Writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$g", groupId);
        if (index is { } i)
        {
            command.Parameters.AddWithValue("$i", i);
        }

        command.ExecuteNonQuery();
    }

    private void UpsertGroup(SqliteTransaction transaction, LogGroupRow row)
    {
        using var command = Writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO {_groups} (group_id, term, voted_for, commit_index, compacted_index, compacted_term)
            VALUES ($g, $t, $v, $c, $ci, $ct)
            ON CONFLICT (group_id) DO UPDATE SET term = excluded.term, voted_for = excluded.voted_for,
                commit_index = excluded.commit_index, compacted_index = excluded.compacted_index, compacted_term = excluded.compacted_term
            """;
        command.Parameters.AddWithValue("$g", row.GroupId);
        command.Parameters.AddWithValue("$t", row.HardState.Term);
        command.Parameters.AddWithValue("$v", row.HardState.VotedFor is { } vote ? vote : DBNull.Value);
        command.Parameters.AddWithValue("$c", row.HardState.CommitIndex);
        command.Parameters.AddWithValue("$ci", row.CompactedIndex);
        command.Parameters.AddWithValue("$ct", row.CompactedTerm);
        command.ExecuteNonQuery();
    }
}
