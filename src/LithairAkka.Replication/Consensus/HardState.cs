namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The part of the core's state that must survive a crash: the current term, the vote cast in it and the commit index.
/// A host persists it from <see cref="Ready.HardState"/> before sending that Ready's messages, and hands it back through
/// <see cref="RaftPersistentState"/> on restart.
/// </summary>
/// <param name="Term">The latest term this node has seen.</param>
/// <param name="VotedFor">The candidate this node voted for in <paramref name="Term"/>, or <c>null</c>.</param>
/// <param name="Commit">The highest log index known to be committed.</param>
public readonly record struct HardState(long Term, NodeId? VotedFor, long Commit);
