using LithairAkka.Persistence.Log;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

/// <summary>An in-memory log store that counts appends (each is one fsync on a durable store).</summary>
internal sealed class CountingLogStore : ILogStore
{
    private readonly InMemoryLogStore _inner = new();
    private int _appends;

    public int Appends => Volatile.Read(ref _appends);

    public ValueTask AppendAsync(long groupId, ReadOnlyMemory<LogEntry> entries, CancellationToken token = default)
    {
        Interlocked.Increment(ref _appends);
        return _inner.AppendAsync(groupId, entries, token);
    }

    public ValueTask TruncateSuffixAsync(long groupId, long fromIndex, CancellationToken token = default) =>
        _inner.TruncateSuffixAsync(groupId, fromIndex, token);

    public ValueTask CompactPrefixAsync(long groupId, long upToIndex, long upToTerm, CancellationToken token = default) =>
        _inner.CompactPrefixAsync(groupId, upToIndex, upToTerm, token);

    public ValueTask SaveHardStateAsync(long groupId, HardState state, CancellationToken token = default) =>
        _inner.SaveHardStateAsync(groupId, state, token);

    public ValueTask<IReadOnlyList<LogEntry>> ReadAsync(long groupId, long fromIndex, long toIndex, long maxBytes, CancellationToken token = default) =>
        _inner.ReadAsync(groupId, fromIndex, toIndex, maxBytes, token);

    public LogGroupInfo GetGroupInfo(long groupId) => _inner.GetGroupInfo(groupId);

    public IReadOnlyList<long> GetGroupIds() => _inner.GetGroupIds();

    public bool TryGetTerm(long groupId, long index, out long term) => _inner.TryGetTerm(groupId, index, out term);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
