using Microsoft.Data.Sqlite;
using static LithairAkka.Persistence.Sql.Sqlite.SqliteConnections;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>
/// The journal on SQLite: writes and deletions on the single <see cref="SqliteWriter"/> (each call one transaction,
/// one fsync, rows inserted with a prepared statement reused within it), reads on their own pooled connections,
/// which WAL mode lets run beside the writer.
/// </summary>
internal sealed partial class SqliteJournalDao : IJournalDao
{
    private const string Columns = "created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid";

    private readonly string _connectionString;
    private readonly SqliteWriter _writer;
    private readonly string _journal;
    private readonly string _tags;
    private readonly string _tagsName;
    private readonly TimeProvider _timeProvider;
    private readonly string _schemaVersion;
    private readonly string _insert;
    private readonly string _insertReturning;
    private readonly string _insertTag;
    private readonly string _replay;
    private readonly string _highest;

    public SqliteJournalDao(string connectionString, SqlTableNames tables, TimeProvider timeProvider)
    {
        _connectionString = connectionString;
        _timeProvider = timeProvider;
        _tagsName = tables.Tags;
        _journal = Quote(tables.Journal);
        _tags = Quote(tables.Tags);
        _schemaVersion = Quote(tables.SchemaVersion);
        _writer = new SqliteWriter(connectionString, "sqlite-journal-writer");
        _insert = $"INSERT INTO {_journal} ({Columns}) VALUES ($created, 0, $pid, $seq, $message, $tags, $manifest, $identifier, $writer)";
        _insertReturning = _insert + " RETURNING ordering";
        _insertTag = $"INSERT INTO {_tags} (ordering_id, tag, persistence_id, sequence_nr) VALUES ($ordering, $tag, $pid, $seq)";
        _replay = $"SELECT sequence_number, created, message, manifest, identifier, writer_uuid FROM {_journal} " +
            "WHERE persistence_id = $pid AND deleted = 0 AND sequence_number >= $from AND sequence_number <= $to " +
            "ORDER BY sequence_number LIMIT $limit";
        _highest = $"SELECT MAX(sequence_number) FROM {_journal} WHERE persistence_id = $pid";
    }

    /// <summary>Rows per replay query.</summary>
    public int ReplayBatchSize { get; init; } = 1000;

    public Task WriteAsync(IReadOnlyList<JournalRow> rows, CancellationToken token) => _writer.RunAsync(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var insert = Prepare(connection, transaction, _insert);
        SqliteCommand? insertReturning = null;
        SqliteCommand? insertTag = null;
        try
        {
            foreach (var row in rows)
            {
                if (row.Tags is { Length: > 0 } tags)
                {
                    insertReturning ??= Prepare(connection, transaction, _insertReturning);
                    Bind(insertReturning, row);
                    var ordering = (long)insertReturning.ExecuteScalar()!;
                    insertTag ??= PrepareTag(connection, transaction);
                    foreach (var tag in tags)
                    {
                        insertTag.Parameters["$ordering"].Value = ordering;
                        insertTag.Parameters["$tag"].Value = tag;
                        insertTag.Parameters["$pid"].Value = row.PersistenceId;
                        insertTag.Parameters["$seq"].Value = row.SequenceNr;
                        insertTag.ExecuteNonQuery();
                    }
                }
                else
                {
                    Bind(insert, row);
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return true;
        }
        finally
        {
            insertReturning?.Dispose();
            insertTag?.Dispose();
        }
    });

    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken token)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = _replay;
        var pid = command.Parameters.Add("$pid", SqliteType.Text);
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        var limit = command.Parameters.Add("$limit", SqliteType.Integer);
        pid.Value = persistenceId;
        to.Value = toSequenceNr;
        var next = fromSequenceNr;
        var remaining = max;
        while (remaining > 0 && next <= toSequenceNr)
        {
            token.ThrowIfCancellationRequested();
            from.Value = next;
            limit.Value = Math.Min(remaining, ReplayBatchSize);
            var read = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var row = new JournalRow(
                        persistenceId,
                        reader.GetInt64(0),
                        reader.GetInt64(1),
                        (byte[])reader.GetValue(2),
                        reader.GetString(3),
                        reader.GetInt32(4),
                        reader.GetString(5),
                        null);
                    onRow(row);
                    next = row.SequenceNr + 1;
                    read++;
                }
            }

            remaining -= read;
            if (read < (long)limit.Value!)
            {
                break;
            }
        }

        return Task.CompletedTask;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken token)
    {
        using var connection = Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = _highest;
        command.Parameters.AddWithValue("$pid", persistenceId);
        return Task.FromResult(command.ExecuteScalar() is long highest ? highest : 0L);
    }

    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken token) => _writer.RunAsync(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.CommandText =
            $"UPDATE {_journal} SET deleted = 1 WHERE persistence_id = $pid AND sequence_number <= $to AND deleted = 0; " +
            $"DELETE FROM {_journal} WHERE persistence_id = $pid AND sequence_number <= $to " +
            $"AND sequence_number < (SELECT MAX(sequence_number) FROM {_journal} WHERE persistence_id = $pid); " +
            $"DELETE FROM {_tags} WHERE persistence_id = $pid AND sequence_nr <= $to;";
        command.ExecuteNonQuery();
        transaction.Commit();
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$created", SqliteType.Integer);
        command.Parameters.Add("$pid", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        command.Parameters.Add("$message", SqliteType.Blob);
        command.Parameters.Add("$tags", SqliteType.Text);
        command.Parameters.Add("$manifest", SqliteType.Text);
        command.Parameters.Add("$identifier", SqliteType.Integer);
        command.Parameters.Add("$writer", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private SqliteCommand PrepareTag(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _insertTag;
        command.Parameters.Add("$ordering", SqliteType.Integer);
        command.Parameters.Add("$tag", SqliteType.Text);
        command.Parameters.Add("$pid", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, in JournalRow row)
    {
        var parameters = command.Parameters;
        parameters[0].Value = row.Created;
        parameters[1].Value = row.PersistenceId;
        parameters[2].Value = row.SequenceNr;
        parameters[3].Value = row.Message;
        parameters[4].Value = (object?)row.TagsColumn ?? DBNull.Value;
        parameters[5].Value = row.Manifest;
        parameters[6].Value = row.SerializerId;
        parameters[7].Value = row.WriterUuid;
    }
}
