using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>Asks the leader for its followers' health; answered with <see cref="SyncStatus"/> (or <c>NotLeader</c>).</summary>
public sealed record GetSyncStatus
{
    /// <summary>The single instance.</summary>
    public static GetSyncStatus Instance { get; } = new();
}

/// <summary>The leader's view of each follower.</summary>
/// <param name="Leader">The leader's id.</param>
/// <param name="Term">The leader's term.</param>
/// <param name="LastIndex">The leader's last log index.</param>
/// <param name="Followers">One entry per follower.</param>
public sealed record SyncStatus(NodeId Leader, long Term, long LastIndex, IReadOnlyList<FollowerSyncState> Followers);

/// <summary>One follower's replication health.</summary>
/// <param name="Node">The follower.</param>
/// <param name="Health">The classification.</param>
/// <param name="MatchIndex">Highest index known replicated on it.</param>
/// <param name="Lag">Leader's last index minus <paramref name="MatchIndex"/>.</param>
/// <param name="LastLatency">Round trip of its latest answer, if any.</param>
/// <param name="ConsecutiveFailures">Heartbeat periods without an answer plus rejected appends, since its last good answer.</param>
public sealed record FollowerSyncState(
    NodeId Node, FollowerHealth Health, long MatchIndex, long Lag, TimeSpan? LastLatency, int ConsecutiveFailures);

/// <summary>From <c>ReplicaGroup</c>: a follower answered (<paramref name="Success"/> false for a rejected append).</summary>
/// <param name="Node">The follower.</param>
/// <param name="Success">Whether the answer was positive.</param>
/// <param name="Latency">Time since the oldest unanswered send to it, if known.</param>
public sealed record FollowerAnswered(NodeId Node, bool Success, TimeSpan? Latency);

/// <summary>From <c>ReplicaGroup</c> every heartbeat interval: the core's status.</summary>
/// <param name="Status">The leader core's status.</param>
public sealed record LeaderProgress(RaftStatus Status);
