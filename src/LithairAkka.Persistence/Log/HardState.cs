namespace LithairAkka.Persistence.Log;

/// <summary>
/// The consensus state of one replication group that must survive a restart: the latest term this node has seen,
/// the candidate it voted for in that term, and the highest index it knows to be committed.
/// </summary>
/// <remarks>
/// A <see cref="ILogStore"/> persists a hard state atomically: after a crash either the previous or the new value
/// is read back, never a mix. The store enforces that <paramref name="Term"/> and <paramref name="CommitIndex"/> never
/// decrease and that a vote, once cast in a term, is not changed within that term.
/// </remarks>
/// <param name="Term">Current term, 0 before the first election.</param>
/// <param name="VotedFor">Node id voted for in <paramref name="Term"/>, or <see langword="null"/> for no vote.</param>
/// <param name="CommitIndex">Highest log index known to be committed, 0 when none.</param>
public readonly record struct HardState(long Term, long? VotedFor, long CommitIndex)
{
    /// <summary>The hard state of a group that has never persisted one: term 0, no vote, nothing committed.</summary>
    public static HardState Initial => default;
}
