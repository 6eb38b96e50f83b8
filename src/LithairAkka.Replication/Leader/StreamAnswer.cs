namespace LithairAkka.Replication.Leader;

/// <summary>From <c>ReplicaGroup</c> to a <see cref="FollowerStream"/>: the follower answered (the core was stepped already).</summary>
/// <param name="IsHeartbeat">Whether it answers a heartbeat (otherwise an append).</param>
/// <param name="Success">Whether an append was accepted.</param>
/// <param name="MatchIndex">The follower's match index, for an accepted append.</param>
public readonly record struct StreamAnswer(bool IsHeartbeat, bool Success, long MatchIndex);
