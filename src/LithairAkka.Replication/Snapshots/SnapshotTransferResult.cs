using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>From the follower: a snapshot transfer was assembled (<paramref name="Success"/>) or refused.</summary>
/// <param name="Group">The replication group.</param>
/// <param name="Follower">The follower.</param>
/// <param name="SnapshotIndex">Index of the snapshot.</param>
/// <param name="Success">Whether the follower assembled it.</param>
public sealed record SnapshotTransferResult(GroupId Group, NodeId Follower, long SnapshotIndex, bool Success);
