namespace LithairAkka.Replication.Consensus;

/// <summary>The leader answers a <see cref="ReadIndexRequest"/> once a quorum confirmed its leadership.</summary>
/// <param name="Term">The leader's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The leader.</param>
/// <param name="To">The follower that asked.</param>
/// <param name="RequestId">The follower's id for the read.</param>
/// <param name="ReadIndex">The leader's commit index when the read was received.</param>
public sealed record ReadIndexResponse(long Term, GroupId Group, NodeId From, NodeId To, long RequestId, long ReadIndex)
    : RaftMessage(Term, Group, From, To);
