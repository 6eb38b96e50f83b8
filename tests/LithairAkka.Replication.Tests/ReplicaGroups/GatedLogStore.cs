using LithairAkka.Persistence.Log;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

/// <summary>
/// An in-memory log store whose writes can be held: while held, every mutating operation waits (in order) and is
/// neither visible nor complete until <see cref="ReleaseAsync"/>, as a durable store in the middle of a slow fsync.
/// </summary>
internal sealed class GatedLogStore : ILogStore
{
    private readonly InMemoryLogStore _inner = new();
    private readonly Lock _lock = new();
    private readonly Queue<(Func<ValueTask> Operation, TaskCompletionSource Done)> _held = new();
    private bool _holding;

    public void Hold()
    {
        lock (_lock)
        {
            _holding = true;
        }
    }

    public async Task ReleaseAsync()
    {
        while (true)
        {
            (Func<ValueTask> Operation, TaskCompletionSource Done) next;
            lock (_lock)
            {
                if (!_held.TryDequeue(out next))
                {
                    _holding = false;
                    return;
                }
            }

            try
            {
                await next.Operation();
                next.Done.SetResult();
            }
            catch (Exception ex)
            {
                next.Done.SetException(ex);
            }
        }
    }

    public ValueTask AppendAsync(long groupId, ReadOnlyMemory<LogEntry> entries, CancellationToken token = default) =>
        Gate(() => _inner.AppendAsync(groupId, entries, token));

    public ValueTask TruncateSuffixAsync(long groupId, long fromIndex, CancellationToken token = default) =>
        Gate(() => _inner.TruncateSuffixAsync(groupId, fromIndex, token));

    public ValueTask CompactPrefixAsync(long groupId, long upToIndex, long upToTerm, CancellationToken token = default) =>
        Gate(() => _inner.CompactPrefixAsync(groupId, upToIndex, upToTerm, token));

    public ValueTask SaveHardStateAsync(long groupId, HardState state, CancellationToken token = default) =>
        Gate(() => _inner.SaveHardStateAsync(groupId, state, token));

    public ValueTask<IReadOnlyList<LogEntry>> ReadAsync(long groupId, long fromIndex, long toIndex, long maxBytes, CancellationToken token = default) =>
        _inner.ReadAsync(groupId, fromIndex, toIndex, maxBytes, token);

    public LogGroupInfo GetGroupInfo(long groupId) => _inner.GetGroupInfo(groupId);

    public IReadOnlyList<long> GetGroupIds() => _inner.GetGroupIds();

    public bool TryGetTerm(long groupId, long index, out long term) => _inner.TryGetTerm(groupId, index, out term);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private ValueTask Gate(Func<ValueTask> operation)
    {
        lock (_lock)
        {
            if (_holding)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Enqueue((operation, done));
                return new ValueTask(done.Task);
            }

            // Run under the lock so an operation cannot overtake one queued before it.
            return operation();
        }
    }
}
