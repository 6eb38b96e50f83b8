namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The leader asserts its leadership. Also the confirmation round of linearizable reads: the follower echoes
/// <paramref name="ReadRound"/>.
/// </summary>
/// <param name="Term">The leader's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The leader.</param>
/// <param name="To">The follower or learner.</param>
/// <param name="Commit">The commit index, capped at what this follower is known to match.</param>
/// <param name="ReadRound">The leader's latest read-confirmation round in this term (0 when none).</param>
public sealed record HeartbeatRequest(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    long Commit,
    long ReadRound) : RaftMessage(Term, Group, From, To);
