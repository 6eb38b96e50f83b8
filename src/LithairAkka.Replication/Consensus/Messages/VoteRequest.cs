namespace LithairAkka.Replication.Consensus;

/// <summary>A candidate (or pre-candidate) asks for a vote (Raft §5.2, thesis §9.6 for the pre-vote).</summary>
/// <param name="Term">The term the candidate campaigns in.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The candidate.</param>
/// <param name="To">The voter.</param>
/// <param name="LastLogIndex">The index of the candidate's last entry.</param>
/// <param name="LastLogTerm">The term of the candidate's last entry.</param>
/// <param name="IsPreVote">A pre-vote: the voter answers whether it would vote, without changing its term or vote.</param>
/// <param name="IsLeadershipTransfer">The election was asked for by the leader (<see cref="TimeoutNowRequest"/>), so
/// voters must not refuse it for having heard from that leader recently.</param>
public sealed record VoteRequest(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    long LastLogIndex,
    long LastLogTerm,
    bool IsPreVote,
    bool IsLeadershipTransfer) : RaftMessage(Term, Group, From, To);
