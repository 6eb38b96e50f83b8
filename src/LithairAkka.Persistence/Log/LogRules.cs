using System.Globalization;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// The validation rules of <see cref="ILogStore"/>, shared by every implementation. Each check throws before
/// anything is written and leaves the bounds unchanged; the caller applies the effect once it is durable.
/// </summary>
internal static class LogRules
{
    /// <summary>Checks an append and returns the new last index and term.</summary>
    public static (long LastIndex, long LastTerm) CheckAppend(
        long groupId,
        in GroupBounds bounds,
        ReadOnlySpan<LogEntry> entries,
        int maxPayloadBytes)
    {
        if (entries.IsEmpty)
        {
            throw new ArgumentException(Format($"Group {groupId}: an append needs at least one entry."), nameof(entries));
        }

        var expected = bounds.LastIndex + 1;
        var term = bounds.LastTerm;
        foreach (ref readonly var entry in entries)
        {
            if (entry.Index != expected)
            {
                throw new ArgumentException(
                    Format($"Group {groupId}: expected entry index {expected} but got {entry.Index} (the log ends at {bounds.LastIndex})."),
                    nameof(entries));
            }

            if (entry.Term < 1)
            {
                throw new ArgumentException(
                    Format($"Group {groupId}: entry {entry.Index} has term {entry.Term}; terms start at 1."),
                    nameof(entries));
            }

            if (entry.Term < term)
            {
                throw new InvalidOperationException(
                    Format($"Group {groupId}: entry {entry.Index} has term {entry.Term}, lower than the preceding term {term}."));
            }

            if (entry.Payload.Length > maxPayloadBytes)
            {
                throw new ArgumentException(
                    Format($"Group {groupId}: entry {entry.Index} has {entry.Payload.Length} payload bytes; the limit is {maxPayloadBytes}."),
                    nameof(entries));
            }

            term = entry.Term;
            expected++;
        }

        return (expected - 1, term);
    }

    /// <summary>Checks a suffix truncation; returns whether it removes anything.</summary>
    public static bool CheckTruncate(long groupId, in GroupBounds bounds, long fromIndex)
    {
        if (fromIndex <= bounds.CompactedIndex)
        {
            throw new InvalidOperationException(
                Format($"Group {groupId}: cannot truncate from index {fromIndex}, the log is compacted up to {bounds.CompactedIndex}."));
        }

        if (fromIndex <= bounds.HardState.CommitIndex)
        {
            throw new InvalidOperationException(
                Format($"Group {groupId}: cannot truncate from index {fromIndex}, entries up to {bounds.HardState.CommitIndex} are committed."));
        }

        return fromIndex <= bounds.LastIndex;
    }

    /// <summary>Checks a hard-state update.</summary>
    public static void CheckHardState(long groupId, in GroupBounds bounds, HardState next)
    {
        var current = bounds.HardState;
        if (next.Term < 0 || next.CommitIndex < 0 || next.VotedFor < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(next),
                Format($"Group {groupId}: term, vote and commit index must not be negative ({next})."));
        }

        if (next.Term < current.Term)
        {
            throw new InvalidOperationException(
                Format($"Group {groupId}: term would go back from {current.Term} to {next.Term}."));
        }

        if (next.CommitIndex < current.CommitIndex)
        {
            throw new InvalidOperationException(
                Format($"Group {groupId}: commit index would go back from {current.CommitIndex} to {next.CommitIndex}."));
        }

        if (next.Term == current.Term && current.VotedFor is { } vote && next.VotedFor != vote)
        {
            throw new InvalidOperationException(
                Format($"Group {groupId}: already voted for {vote} in term {current.Term}; cannot change the vote to {next.VotedFor?.ToString(CultureInfo.InvariantCulture) ?? "none"}."));
        }
    }

    /// <summary>Checks a prefix compaction; returns whether it moves the compaction point.</summary>
    public static bool CheckCompact(long groupId, in GroupBounds bounds, long upToIndex, long upToTerm)
    {
        if (upToIndex < 0 || upToTerm < 0 || (upToIndex > 0 && upToTerm < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(upToIndex),
                Format($"Group {groupId}: cannot compact up to index {upToIndex} with term {upToTerm}."));
        }

        return upToIndex > bounds.CompactedIndex;
    }

    /// <summary>Checks a read range.</summary>
    public static void CheckRead(long fromIndex, long toIndex, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromIndex, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toIndex, fromIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
