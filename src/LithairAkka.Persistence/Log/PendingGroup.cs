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

    /// <summary>
    /// Validates one queued operation against this round's view of the group (throwing as <see cref="ILogStore"/>
    /// documents) and applies it to the view. Returns false for an operation that changes nothing (a truncation past
    /// the end, a compaction at or below the compacted index); for a compaction it sets
    /// <see cref="WriteRequest.KeepSuffix"/>. Shared by every store's writer, which then persists the accepted ones.
    /// </summary>
    public bool Stage(WriteRequest request, int maxEntryPayloadBytes)
    {
        var id = request.GroupId;
        switch (request.Type)
        {
            case RecordType.Entry:
                var entries = request.Entries.Span;
                var (last, lastTerm) = LogRules.CheckAppend(id, Bounds, entries, maxEntryPayloadBytes);
                Append(entries, last, lastTerm);
                return true;
            case RecordType.Truncate:
                if (!LogRules.CheckTruncate(id, Bounds, request.Index))
                {
                    return false;
                }

                Truncate(request.Index);
                return true;
            case RecordType.Compact:
                if (!LogRules.CheckCompact(id, Bounds, request.Index, request.Term))
                {
                    return false;
                }

                request.KeepSuffix = Compact(request.Index, request.Term);
                return true;
            default:
                LogRules.CheckHardState(id, Bounds, request.State);
                Bounds.HardState = request.State;
                return true;
        }
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
