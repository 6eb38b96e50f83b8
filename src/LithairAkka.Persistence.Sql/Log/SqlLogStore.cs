using System.Collections.Concurrent;
using System.Threading.Channels;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>
/// An <see cref="ILogStore"/> on SQLite or PostgreSQL: one row per entry in an entry table, one row per group for its
/// hard state and compaction point. A single writer takes every operation queued since its last round and commits them
/// in one transaction (one fsync per round, shared by every group), so concurrent appends from many groups cost one
/// flush. Each row carries a CRC32C of its content, checked on open and on every read.
/// </summary>
/// <remarks>
/// The segmented <see cref="FileLogStore"/> is the default log store of a node (it is faster: see the README's
/// storage section); this store exists for deployments that want the log in the same database as everything else,
/// and as the measured alternative. Thread-safety and durability are as <see cref="ILogStore"/> documents.
/// </remarks>
public sealed partial class SqlLogStore : ILogStore
{
    private readonly SqlLogStoreOptions _options;
    private readonly ILogTables _tables;
    private readonly ConcurrentDictionary<long, GroupLog> _groups = new();
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private Task _writer = Task.CompletedTask;
    private Exception? _fault;
    private int _disposed;

    private SqlLogStore(SqlLogStoreOptions options, ILogTables tables)
    {
        _options = options;
        _tables = tables;
    }

    /// <summary>Opens (creating the tables when missing) and recovers the store.</summary>
    /// <param name="options">Provider, connection string and tuning.</param>
    /// <param name="token">Cancels the opening.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="LogCorruptionException">A stored entry fails its checksum or an index is missing.</exception>
    public static async Task<SqlLogStore> OpenAsync(SqlLogStoreOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRoundOperations, 1);
        ILogTables tables = options.Provider == SqlProvider.Sqlite ? new SqliteLogTables(options) : new PostgresLogTables(options);
        var store = new SqlLogStore(options, tables);
        try
        {
            await tables.InitializeAsync(token).ConfigureAwait(false);
            await store.RecoverAsync(token).ConfigureAwait(false);
        }
        catch
        {
            await tables.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        store._writer = Task.Run(store.WriterLoopAsync, CancellationToken.None);
        return store;
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(long groupId, ReadOnlyMemory<LogEntry> entries, CancellationToken token = default) =>
        Enqueue(new WriteRequest(RecordType.Entry, groupId, token) { Entries = entries });

    /// <inheritdoc />
    public ValueTask TruncateSuffixAsync(long groupId, long fromIndex, CancellationToken token = default) =>
        Enqueue(new WriteRequest(RecordType.Truncate, groupId, token) { Index = fromIndex });

    /// <inheritdoc />
    public ValueTask CompactPrefixAsync(long groupId, long upToIndex, long upToTerm, CancellationToken token = default) =>
        Enqueue(new WriteRequest(RecordType.Compact, groupId, token) { Index = upToIndex, Term = upToTerm });

    /// <inheritdoc />
    public ValueTask SaveHardStateAsync(long groupId, HardState state, CancellationToken token = default) =>
        Enqueue(new WriteRequest(RecordType.HardState, groupId, token) { State = state });

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LogEntry>> ReadAsync(
        long groupId,
        long fromIndex,
        long toIndex,
        long maxBytes,
        CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        LogRules.CheckRead(fromIndex, toIndex, maxBytes);
        ThrowIfUnusable();
        if (!_groups.TryGetValue(groupId, out var group))
        {
            return [];
        }

        long last;
        lock (group)
        {
            CheckNotCompacted(group, fromIndex);
            last = Math.Min(toIndex - 1, group.Bounds.LastIndex);
        }

        if (last < fromIndex)
        {
            return [];
        }

        var rows = await _tables.ReadAsync(groupId, fromIndex, last + 1, maxBytes, token).ConfigureAwait(false);
        var entries = new LogEntry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Index != fromIndex + i)
            {
                // A compaction that committed while we read removed the rows: report it as such, not as a hole.
                lock (group)
                {
                    CheckNotCompacted(group, fromIndex);
                }

                throw Corruption(row, $"entry {fromIndex + i} is missing (the next stored entry is {row.Index})");
            }

            var computed = row.ComputeChecksum();
            if (computed != row.Checksum)
            {
                throw Corruption(row, "entry checksum mismatch", row.Checksum, computed);
            }

            entries[i] = row.ToEntry();
        }

        if (entries.Length == 0)
        {
            lock (group)
            {
                CheckNotCompacted(group, fromIndex);
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public LogGroupInfo GetGroupInfo(long groupId)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_groups.TryGetValue(groupId, out var group))
        {
            return LogGroupInfo.Empty(groupId);
        }

        lock (group)
        {
            return group.Bounds.ToInfo(groupId);
        }
    }

    /// <inheritdoc />
    public bool TryGetTerm(long groupId, long index, out long term)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        term = 0;
        if (!_groups.TryGetValue(groupId, out var group))
        {
            return index == 0;
        }

        lock (group)
        {
            return group.TryGetTerm(index, out term);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetGroupIds()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return [.. _groups.Keys];
    }

    /// <summary>Finishes the queued operations, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _tables.DisposeAsync().ConfigureAwait(false);
    }

    private ValueTask Enqueue(WriteRequest request)
    {
        if (request.Token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(request.Token);
        }

        if (Volatile.Read(ref _disposed) != 0 || !_queue.Writer.TryWrite(request))
        {
            return ValueTask.FromException(new ObjectDisposedException(nameof(SqlLogStore)));
        }

        return new ValueTask(request.Task);
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new LogStoreFaultedException("The log store has faulted and must be reopened: " + fault.Message, fault);
        }
    }

    private static void CheckNotCompacted(GroupLog group, long fromIndex)
    {
        if (fromIndex <= group.Bounds.CompactedIndex)
        {
            throw new LogCompactedException(group.GroupId, fromIndex, group.Bounds.CompactedIndex);
        }
    }

    private LogCorruptionException Corruption(in StoredLogEntry row, string reason, uint? expected = null, uint? found = null) =>
        new(_tables.Location, 0, reason, row.GroupId, row.Index, expected, found);
}
