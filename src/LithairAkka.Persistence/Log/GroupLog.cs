namespace LithairAkka.Persistence.Log;

/// <summary>
/// The in-memory index of one group in a <see cref="FileLogStore"/>: bounds, hard state and the location of every
/// live entry, in a sliding array (compaction advances the head; the array is compacted when the head passes half).
/// </summary>
/// <remarks>
/// Only the writer thread (or recovery) mutates it, holding the object's monitor; readers take the same monitor to
/// copy what they need. While recovery replays a log whose oldest segments were deleted, the first entry present can
/// lie above <c>CompactedIndex + 1</c> (a hole that a later compaction record closes); <see cref="HasHole"/> reports
/// a hole that was never closed, which means data is missing.
/// </remarks>
internal sealed class GroupLog(long groupId)
{
    private EntryLocation[] _entries = new EntryLocation[16];
    private int _head;
    private int _count;
    private long _firstIndex = 1;

    public long GroupId { get; } = groupId;

    public GroupBounds Bounds;

    public int Count => _count;

    public long FirstPresentIndex => _firstIndex;

    public bool HasHole => _firstIndex != Bounds.CompactedIndex + 1;

    public ReadOnlySpan<EntryLocation> Entries => _entries.AsSpan(_head, _count);

    /// <summary>Appends an entry; during recovery the first entry after a hole may skip indices.</summary>
    public bool TryAppend(long index, EntryLocation location, bool recovering)
    {
        if (index != Bounds.LastIndex + 1)
        {
            if (!recovering || _count != 0 || index <= Bounds.CompactedIndex)
            {
                return false;
            }

            _firstIndex = index;
        }

        if (_head + _count == _entries.Length)
        {
            Grow();
        }

        _entries[_head + _count] = location;
        _count++;
        Bounds.LastIndex = index;
        Bounds.LastTerm = location.Term;
        return true;
    }

    /// <summary>Removes entries from <paramref name="fromIndex"/> on and returns them (valid until the next mutation).</summary>
    public ReadOnlySpan<EntryLocation> TruncateFrom(long fromIndex)
    {
        if (fromIndex > Bounds.LastIndex)
        {
            return [];
        }

        if (fromIndex <= _firstIndex)
        {
            var all = _entries.AsSpan(_head, _count);
            _count = 0;
            _firstIndex = Math.Max(fromIndex, Bounds.CompactedIndex + 1);
            Bounds.LastIndex = _firstIndex - 1;
            Bounds.LastTerm = Bounds.LastIndex == Bounds.CompactedIndex ? Bounds.CompactedTerm : 0;
            return all;
        }

        var keep = (int)(fromIndex - _firstIndex);
        var removed = _entries.AsSpan(_head + keep, _count - keep);
        _count = keep;
        Bounds.LastIndex = fromIndex - 1;
        Bounds.LastTerm = _entries[_head + keep - 1].Term;
        return removed;
    }

    /// <summary>
    /// Moves the compaction point to <paramref name="upToIndex"/>: drops the entries up to it, or all of them when
    /// <paramref name="keepSuffix"/> is false. Returns the dropped locations (valid until the next mutation).
    /// </summary>
    public ReadOnlySpan<EntryLocation> CompactTo(long upToIndex, long upToTerm, bool keepSuffix)
    {
        if (upToIndex <= Bounds.CompactedIndex)
        {
            return [];
        }

        ReadOnlySpan<EntryLocation> removed;
        if (keepSuffix && upToIndex < Bounds.LastIndex)
        {
            var drop = (int)Math.Clamp(upToIndex - _firstIndex + 1, 0, _count);
            removed = _entries.AsSpan(_head, drop);
            _head += drop;
            _count -= drop;
            _firstIndex += drop;
        }
        else
        {
            removed = _entries.AsSpan(_head, _count);
            _head += _count;
            _count = 0;
            _firstIndex = upToIndex + 1;
            Bounds.LastIndex = upToIndex;
            Bounds.LastTerm = upToTerm;
        }

        Bounds.CompactedIndex = upToIndex;
        Bounds.CompactedTerm = upToTerm;
        return removed;
    }

    public bool TryGetLocation(long index, out EntryLocation location)
    {
        var offset = index - _firstIndex;
        if (offset < 0 || offset >= _count)
        {
            location = default;
            return false;
        }

        location = _entries[_head + (int)offset];
        return true;
    }

    public bool TryGetTerm(long index, out long term)
    {
        if (index == Bounds.CompactedIndex)
        {
            term = Bounds.CompactedTerm;
            return true;
        }

        var found = TryGetLocation(index, out var location);
        term = location.Term;
        return found;
    }

    private void Grow()
    {
        // Reclaim the compacted head first; double only when the live part fills more than half the array.
        if (_head > 0 && _count <= _entries.Length / 2)
        {
            Array.Copy(_entries, _head, _entries, 0, _count);
        }
        else
        {
            var bigger = new EntryLocation[_entries.Length * 2];
            Array.Copy(_entries, _head, bigger, 0, _count);
            _entries = bigger;
        }

        _head = 0;
    }
}
