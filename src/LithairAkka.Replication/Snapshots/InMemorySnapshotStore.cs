using System.Collections.Concurrent;

namespace LithairAkka.Replication.Snapshots;

/// <summary>A volatile <see cref="ISnapshotStore"/> for tests and ephemeral nodes. Thread-safe.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<long, StoredSnapshot> _snapshots = new();

    /// <inheritdoc />
    public ValueTask SaveAsync(long groupId, StoredSnapshot snapshot, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots[groupId] = snapshot;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<StoredSnapshot?> LoadAsync(long groupId, CancellationToken token = default) =>
        ValueTask.FromResult(_snapshots.TryGetValue(groupId, out var snapshot) ? snapshot : null);
}
