namespace LithairAkka.Replication.Consensus;

/// <summary>A leader's view of one follower or learner, for monitoring (<c>/_raft/sync-status</c>).</summary>
/// <param name="Node">The follower.</param>
/// <param name="IsLearner">Whether it is a learner.</param>
/// <param name="MatchIndex">The highest index known to be replicated on it.</param>
/// <param name="NextIndex">The next index the leader will send.</param>
/// <param name="State">How the leader replicates to it.</param>
/// <param name="RecentActive">Whether it answered during the current check-quorum period.</param>
/// <param name="InflightMessages">Append messages sent and not yet acknowledged.</param>
public readonly record struct FollowerStatus(
    NodeId Node,
    bool IsLearner,
    long MatchIndex,
    long NextIndex,
    ProgressState State,
    bool RecentActive,
    int InflightMessages);
