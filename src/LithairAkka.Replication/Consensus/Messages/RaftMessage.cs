namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A message between the cores of one group on different nodes. The term comes first: every handler compares it
/// before anything else, which makes the term a fencing token (a deposed leader's late messages are refused and
/// answered with the newer term). The host delivers messages with <see cref="RaftCore.Step"/> in any order, late,
/// duplicated or not at all: the protocol tolerates all of it.
/// </summary>
/// <param name="Term">The sender's term (for a pre-vote exchange, the term the pre-candidate would campaign in).</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The destination; the host routes on it.</param>
public abstract record RaftMessage(long Term, GroupId Group, NodeId From, NodeId To);
