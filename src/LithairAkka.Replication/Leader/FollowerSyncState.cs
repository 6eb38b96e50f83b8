using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>One follower's replication health.</summary>
/// <param name="Node">The follower.</param>
/// <param name="Health">The classification.</param>
/// <param name="MatchIndex">Highest index known replicated on it.</param>
/// <param name="Lag">Leader's last index minus <paramref name="MatchIndex"/>.</param>
/// <param name="LastLatency">Round trip of its latest answer, if any.</param>
/// <param name="ConsecutiveFailures">Heartbeat periods without an answer plus rejected appends, since its last good answer.</param>
public sealed record FollowerSyncState(
    NodeId Node, FollowerHealth Health, long MatchIndex, long Lag, TimeSpan? LastLatency, int ConsecutiveFailures);
