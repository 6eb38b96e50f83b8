namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The leader hands over leadership: the target, whose log is up to date, starts an election at once, skipping the
/// pre-vote (Raft thesis §3.10).
/// </summary>
/// <param name="Term">The leader's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The leader.</param>
/// <param name="To">The transfer target.</param>
public sealed record TimeoutNowRequest(long Term, GroupId Group, NodeId From, NodeId To) : RaftMessage(Term, Group, From, To);
