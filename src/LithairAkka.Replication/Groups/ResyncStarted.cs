using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>The answer to <see cref="ForceResync"/>: a transfer of snapshot <paramref name="SnapshotIndex"/> is under way.</summary>
/// <param name="Follower">The follower.</param>
/// <param name="SnapshotIndex">The snapshot being sent.</param>
public sealed record ResyncStarted(NodeId Follower, long SnapshotIndex);
