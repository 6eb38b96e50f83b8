namespace LithairAkka.Replication.Snapshots;

/// <summary>Keeps the latest snapshot of each replication group of a node. Implementations are thread-safe.</summary>
public interface ISnapshotStore
{
    /// <summary>Durably replaces the group's snapshot with <paramref name="snapshot"/>.</summary>
    ValueTask SaveAsync(long groupId, StoredSnapshot snapshot, CancellationToken token = default);

    /// <summary>The group's latest snapshot, or <see langword="null"/> if it has none.</summary>
    /// <exception cref="InvalidDataException">The stored snapshot is corrupt.</exception>
    ValueTask<StoredSnapshot?> LoadAsync(long groupId, CancellationToken token = default);
}
