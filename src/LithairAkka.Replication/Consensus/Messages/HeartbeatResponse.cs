namespace LithairAkka.Replication.Consensus;

/// <summary>A follower acknowledges a <see cref="HeartbeatRequest"/>.</summary>
/// <param name="Term">The follower's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The follower.</param>
/// <param name="To">The leader.</param>
/// <param name="ReadRound">The read round of the heartbeat acknowledged.</param>
public sealed record HeartbeatResponse(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    long ReadRound) : RaftMessage(Term, Group, From, To);
