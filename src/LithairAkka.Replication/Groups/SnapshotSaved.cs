using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// A <see cref="ReplicaGroup"/> tells itself that a snapshot it took was written to its snapshot store (off its
/// mailbox); only then does it compact the log up to the snapshot.
/// </summary>
/// <param name="Snapshot">The snapshot written.</param>
/// <param name="Error">Why the write failed, or <see langword="null"/> when it is durable.</param>
public sealed record SnapshotSaved(StoredSnapshot Snapshot, Exception? Error);
