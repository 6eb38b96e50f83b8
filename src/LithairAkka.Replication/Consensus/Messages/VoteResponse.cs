namespace LithairAkka.Replication.Consensus;

/// <summary>A voter's answer to a <see cref="VoteRequest"/>.</summary>
/// <param name="Term">The voter's term; for a granted pre-vote, the term asked for.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The voter.</param>
/// <param name="To">The candidate.</param>
/// <param name="IsPreVote">Answers a pre-vote.</param>
/// <param name="Granted">Whether the vote is given.</param>
public sealed record VoteResponse(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    bool IsPreVote,
    bool Granted) : RaftMessage(Term, Group, From, To);
