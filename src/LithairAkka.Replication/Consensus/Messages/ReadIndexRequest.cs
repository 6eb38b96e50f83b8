namespace LithairAkka.Replication.Consensus;

/// <summary>A follower forwards a linearizable read to the leader, which answers with a confirmed read index.</summary>
/// <param name="Term">The follower's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The follower.</param>
/// <param name="To">The leader.</param>
/// <param name="RequestId">The follower host's id for the read, echoed back.</param>
public sealed record ReadIndexRequest(long Term, GroupId Group, NodeId From, NodeId To, long RequestId)
    : RaftMessage(Term, Group, From, To);
