namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A follower's answer to an <see cref="AppendEntriesRequest"/> or an <see cref="InstallSnapshotRequest"/>, and the
/// answer any node gives a stale leader (with its newer term and <see cref="Success"/> false).
/// </summary>
/// <param name="Term">The follower's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The follower.</param>
/// <param name="To">The leader.</param>
/// <param name="Success">Whether the log matched and the entries were appended.</param>
/// <param name="MatchIndex">On success, the last index known to match the leader's log.</param>
/// <param name="RejectedIndex">On refusal, the <see cref="AppendEntriesRequest.PrevLogIndex"/> refused.</param>
/// <param name="HintIndex">On refusal, the largest index at or below the refused one whose term is at most
/// <see cref="AppendEntriesRequest.PrevLogTerm"/>: the leader can skip every index above it (fast backtracking).</param>
/// <param name="HintTerm">The term of the follower's entry at <paramref name="HintIndex"/>.</param>
public sealed record AppendEntriesResponse(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    bool Success,
    long MatchIndex,
    long RejectedIndex,
    long HintIndex,
    long HintTerm) : RaftMessage(Term, Group, From, To);
