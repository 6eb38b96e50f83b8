namespace LithairAkka.Persistence.Log;

/// <summary>
/// An <see cref="ILogStore"/> held in memory, for tests of the layers above the log store. It enforces exactly the
/// rules of <see cref="FileLogStore"/> (indices, terms, votes, commit index, compaction) but keeps nothing across
/// process restarts; every operation completes synchronously.
/// </summary>
/// <remarks>Thread-safe: one lock guards all groups. Payloads are copied on append.</remarks>
public sealed class InMemoryLogStore : ILogStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Group> _groups = [];
    private readonly int _maxPayloadBytes;
    private bool _disposed;

    /// <summary>Creates an empty store.</summary>
    /// <param name="maxPayloadBytes">Largest accepted entry payload.</param>
    public InMemoryLogStore(int maxPayloadBytes = FileLogStoreOptions.DefaultMaxEntryPayloadBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPayloadBytes);
        _maxPayloadBytes = maxPayloadBytes;
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(long groupId, ReadOnlyMemory<LogEntry> entries, CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(token);
        }

        try
        {
            lock (_lock)
            {
                var group = Open(groupId);
                var (last, lastTerm) = LogRules.CheckAppend(groupId, group.Bounds, entries.Span, _maxPayloadBytes);
                foreach (var entry in entries.Span)
                {
                    group.Entries.Add(entry with { Payload = entry.Payload.ToArray() });
                }

                group.Bounds.LastIndex = last;
                group.Bounds.LastTerm = lastTerm;
                _groups.TryAdd(groupId, group);
            }

            return ValueTask.CompletedTask;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc />
    public ValueTask TruncateSuffixAsync(long groupId, long fromIndex, CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(token);
        }

        try
        {
            lock (_lock)
            {
                var group = Open(groupId);
                if (LogRules.CheckTruncate(groupId, group.Bounds, fromIndex))
                {
                    var keep = (int)(fromIndex - group.Bounds.CompactedIndex - 1);
                    group.Entries.RemoveRange(keep, group.Entries.Count - keep);
                    group.Bounds.LastIndex = fromIndex - 1;
                    group.Bounds.LastTerm = keep == 0 ? group.Bounds.CompactedTerm : group.Entries[keep - 1].Term;
                }
            }

            return ValueTask.CompletedTask;
        }
        catch (InvalidOperationException ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc />
    public ValueTask CompactPrefixAsync(long groupId, long upToIndex, long upToTerm, CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(token);
        }

        try
        {
            lock (_lock)
            {
                var group = Open(groupId);
                ref var b = ref group.Bounds;
                if (LogRules.CheckCompact(groupId, b, upToIndex, upToTerm))
                {
                    var keepSuffix = upToIndex <= b.LastIndex && TermAt(group, upToIndex) == upToTerm;
                    if (keepSuffix)
                    {
                        group.Entries.RemoveRange(0, (int)(upToIndex - b.CompactedIndex));
                    }
                    else
                    {
                        group.Entries.Clear();
                        b.LastIndex = upToIndex;
                        b.LastTerm = upToTerm;
                    }

                    b.CompactedIndex = upToIndex;
                    b.CompactedTerm = upToTerm;
                    _groups.TryAdd(groupId, group);
                }
            }

            return ValueTask.CompletedTask;
        }
        catch (ArgumentException ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveHardStateAsync(long groupId, HardState state, CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(token);
        }

        try
        {
            lock (_lock)
            {
                var group = Open(groupId);
                LogRules.CheckHardState(groupId, group.Bounds, state);
                group.Bounds.HardState = state;
                _groups.TryAdd(groupId, group);
            }

            return ValueTask.CompletedTask;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LogEntry>> ReadAsync(
        long groupId,
        long fromIndex,
        long toIndex,
        long maxBytes,
        CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IReadOnlyList<LogEntry>>(token);
        }

        LogRules.CheckRead(fromIndex, toIndex, maxBytes);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_groups.TryGetValue(groupId, out var group))
            {
                return ValueTask.FromResult<IReadOnlyList<LogEntry>>([]);
            }

            var b = group.Bounds;
            if (fromIndex <= b.CompactedIndex)
            {
                return ValueTask.FromException<IReadOnlyList<LogEntry>>(
                    new LogCompactedException(groupId, fromIndex, b.CompactedIndex));
            }

            var result = new List<LogEntry>();
            long bytes = 0;
            for (var i = fromIndex; i < toIndex && i <= b.LastIndex; i++)
            {
                var entry = group.Entries[(int)(i - b.CompactedIndex - 1)];
                bytes += entry.Payload.Length;
                if (bytes > maxBytes && result.Count > 0)
                {
                    break;
                }

                result.Add(entry);
            }

            return ValueTask.FromResult<IReadOnlyList<LogEntry>>(result);
        }
    }

    /// <inheritdoc />
    public LogGroupInfo GetGroupInfo(long groupId)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _groups.TryGetValue(groupId, out var group) ? group.Bounds.ToInfo(groupId) : LogGroupInfo.Empty(groupId);
        }
    }

    /// <inheritdoc />
    public bool TryGetTerm(long groupId, long index, out long term)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            term = 0;
            if (!_groups.TryGetValue(groupId, out var group))
            {
                return index == 0;
            }

            var b = group.Bounds;
            if (index < b.CompactedIndex || index > b.LastIndex)
            {
                return false;
            }

            term = TermAt(group, index);
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetGroupIds()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return [.. _groups.Keys];
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        return ValueTask.CompletedTask;
    }

    private static long TermAt(Group group, long index) =>
        index == group.Bounds.CompactedIndex
            ? group.Bounds.CompactedTerm
            : group.Entries[(int)(index - group.Bounds.CompactedIndex - 1)].Term;

    private Group Open(long groupId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // A group only becomes known once an operation on it succeeds (as in the file store, where that is a record).
        return _groups.TryGetValue(groupId, out var group) ? group : new Group();
    }

    private sealed class Group
    {
        public GroupBounds Bounds;

        public List<LogEntry> Entries { get; } = [];
    }
}
