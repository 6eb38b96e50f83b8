namespace LithairAkka.Replication.Consensus;

/// <summary>The leader replicates entries (Raft §5.3). An empty <see cref="Entries"/> is a probe.</summary>
/// <param name="Term">The leader's term.</param>
/// <param name="Group">The replication group.</param>
/// <param name="From">The leader.</param>
/// <param name="To">The follower or learner.</param>
/// <param name="PrevLogIndex">The index of the entry just before <see cref="Entries"/>.</param>
/// <param name="PrevLogTerm">The term of that entry; the follower accepts only if its log matches here.</param>
/// <param name="Entries">The entries, with consecutive indexes starting at <paramref name="PrevLogIndex"/> + 1.</param>
/// <param name="LeaderCommit">The leader's commit index.</param>
public sealed record AppendEntriesRequest(
    long Term,
    GroupId Group,
    NodeId From,
    NodeId To,
    long PrevLogIndex,
    long PrevLogTerm,
    IReadOnlyList<LogEntry> Entries,
    long LeaderCommit) : RaftMessage(Term, Group, From, To);
