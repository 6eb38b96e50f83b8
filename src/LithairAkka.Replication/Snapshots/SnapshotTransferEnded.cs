using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>The <see cref="SnapshotCoordinator"/> tells its group how a transfer ended, so the group reports it to the core.</summary>
/// <param name="Follower">The follower.</param>
/// <param name="SnapshotIndex">The snapshot sent.</param>
/// <param name="Success">Whether the follower confirmed it holds everything up to the snapshot.</param>
public sealed record SnapshotTransferEnded(NodeId Follower, long SnapshotIndex, bool Success);
