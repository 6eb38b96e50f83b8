namespace LithairAkka.Persistence.Log;

/// <summary>
/// The writer's view of one group while it builds a round: the durable bounds plus the effect of the operations
/// already accepted into this round, so that pipelined operations validate against each other before any is durable.
/// </summary>
internal sealed class PendingGroup
{
    private readonly List<long> _pendingTerms = [];
    private long _pendingFrom = long.MaxValue;
    private GroupLog? _durable;

    public GroupBounds Bounds;

    public void Reset(GroupLog? durable)
    {
        _durable = durable;
        Bounds = durable?.Bounds ?? default;
        _pendingTerms.Clear();
        _pendingFrom = long.MaxValue;
    }

    public void Append(ReadOnlySpan<LogEntry> entries, long lastIndex, long lastTerm)
    {
        if (_pendingTerms.Count == 0)
        {
            _pendingFrom = entries[0].Index;
        }

        foreach (ref readonly var entry in entries)
        {
            _pendingTerms.Add(entry.Term);
        }

        Bounds.LastIndex = lastIndex;
        Bounds.LastTerm = lastTerm;
    }

    public void Truncate(long fromIndex)
    {
        if (fromIndex <= _pendingFrom)
        {
            _pendingTerms.Clear();
            _pendingFrom = long.MaxValue;
        }
        else
        {
            var keep = (int)(fromIndex - _pendingFrom);
            _pendingTerms.RemoveRange(keep, _pendingTerms.Count - keep);
        }

        Bounds.LastIndex = fromIndex - 1;
        Bounds.LastTerm = TermAt(fromIndex - 1);
    }

    /// <summary>Applies a compaction and returns whether the entries after <paramref name="upToIndex"/> are kept.</summary>
    public bool Compact(long upToIndex, long upToTerm)
    {
        var keepSuffix = upToIndex <= Bounds.LastIndex && TermAt(upToIndex) == upToTerm;
        if (keepSuffix)
        {
            if (upToIndex >= _pendingFrom)
            {
                _pendingTerms.RemoveRange(0, (int)(upToIndex - _pendingFrom + 1));
                _pendingFrom = _pendingTerms.Count == 0 ? long.MaxValue : upToIndex + 1;
            }
        }
        else
        {
            _pendingTerms.Clear();
            _pendingFrom = long.MaxValue;
            Bounds.LastIndex = upToIndex;
            Bounds.LastTerm = upToTerm;
        }

        Bounds.CompactedIndex = upToIndex;
        Bounds.CompactedTerm = upToTerm;
        return keepSuffix;
    }

    private long TermAt(long index)
    {
        if (index == Bounds.CompactedIndex)
        {
            return Bounds.CompactedTerm;
        }

        if (index >= _pendingFrom)
        {
            return _pendingTerms[(int)(index - _pendingFrom)];
        }

        long term = 0;
        _durable?.TryGetTerm(index, out term);
        return term;
    }
}
