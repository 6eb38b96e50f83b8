namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The leader's request that a follower whose next entry was compacted away install a snapshot (Raft §7).
/// <para>
/// Only the metadata passes through the cores. When the leader's core emits this message, the leader's host streams
/// the snapshot data to the follower's host (in chunks, as it likes), which then delivers this message to its core with
/// <see cref="RaftCore.Step"/> once it holds the whole snapshot. The host may substitute a newer snapshot of its own, in
/// which case it must deliver that snapshot's metadata. The leader's host reports the outcome with
/// <see cref="RaftCore.SnapshotInstalled"/> or <see cref="RaftCore.SnapshotFailed"/>.
/// </para>
/// </summary>
/// <param name="Term">The leader's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The leader.</param>
/// <param name="To">The follower.</param>
/// <param name="Snapshot">What the snapshot covers.</param>
public sealed record InstallSnapshotRequest(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    SnapshotMetadata Snapshot) : RaftMessage(Term, Group, From, To);
