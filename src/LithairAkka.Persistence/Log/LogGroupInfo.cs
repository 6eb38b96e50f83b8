namespace LithairAkka.Persistence.Log;

/// <summary>
/// A consistent snapshot of one replication group's log bounds and hard state, as of the last completed
/// (durable) operation on that group.
/// </summary>
/// <remarks>
/// An empty log has <c>LastIndex == FirstIndex - 1</c>. After compaction the entries up to
/// <paramref name="CompactedIndex"/> are gone (they live in a snapshot); <paramref name="CompactedTerm"/> is the term
/// of the entry at that index, which the consistency check of the next append needs.
/// </remarks>
/// <param name="GroupId">The replication group.</param>
/// <param name="FirstIndex">Index of the first entry still in the log (<c>CompactedIndex + 1</c>).</param>
/// <param name="LastIndex">Index of the last entry, or <paramref name="CompactedIndex"/> when the log is empty.</param>
/// <param name="LastTerm">Term of the entry at <paramref name="LastIndex"/> (the compacted term when empty).</param>
/// <param name="CompactedIndex">Last index removed by compaction, 0 when never compacted.</param>
/// <param name="CompactedTerm">Term of the entry at <paramref name="CompactedIndex"/>, 0 when never compacted.</param>
/// <param name="HardState">The latest persisted hard state.</param>
public readonly record struct LogGroupInfo(
    long GroupId,
    long FirstIndex,
    long LastIndex,
    long LastTerm,
    long CompactedIndex,
    long CompactedTerm,
    HardState HardState)
{
    /// <summary>Number of entries currently held in the log.</summary>
    public long EntryCount => LastIndex - CompactedIndex;

    /// <summary>The bounds of a group that has never been written.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <returns>An empty log starting at index 1 with the initial hard state.</returns>
    public static LogGroupInfo Empty(long groupId) => new(groupId, 1, 0, 0, 0, 0, HardState.Initial);
}
