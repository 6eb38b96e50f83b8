using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>The leader's view of each follower.</summary>
/// <param name="Leader">The leader's id.</param>
/// <param name="Term">The leader's term.</param>
/// <param name="LastIndex">The leader's last log index.</param>
/// <param name="Followers">One entry per follower.</param>
public sealed record SyncStatus(NodeId Leader, long Term, long LastIndex, IReadOnlyList<FollowerSyncState> Followers);
