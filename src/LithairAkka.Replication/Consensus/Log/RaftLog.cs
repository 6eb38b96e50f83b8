namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The in-memory log of one core: the metadata of the latest snapshot, then every entry after it. Entries are kept in
/// memory until the host compacts them behind a snapshot (<see cref="Compact"/>). A suffix may not be persisted yet; the
/// stability bookkeeping is in <c>RaftLog.Stability.cs</c>. Not thread-safe; owned by one <see cref="RaftCore"/>.
/// </summary>
internal sealed partial class RaftLog
{
    private readonly List<LogEntry> _entries = [];
    private readonly ConfigurationHistory _configurations;
    private SnapshotMetadata _snapshot;

    /// <summary>Restores a log from what the host persisted.</summary>
    /// <exception cref="ArgumentException">The entries do not follow the snapshot without gaps, or terms decrease.</exception>
    public RaftLog(SnapshotMetadata snapshot, IReadOnlyList<LogEntry> entries)
    {
        _snapshot = snapshot;
        _configurations = new ConfigurationHistory(snapshot.Index, snapshot.Configuration);
        var expected = snapshot.Index + 1;
        var lastTerm = snapshot.Term;
        foreach (var entry in entries)
        {
            if (entry.Index != expected || entry.Term < lastTerm)
            {
                throw new ArgumentException(
                    $"Persisted entry ({entry.Index}, {entry.Term}) does not follow ({expected - 1}, {lastTerm}).", nameof(entries));
            }

            AppendOne(entry);
            expected++;
            lastTerm = entry.Term;
        }

        _persistingIndex = LastIndex;
        PersistedIndex = LastIndex;
        CommitIndex = snapshot.Index;
        AppliedIndex = snapshot.Index;
        _applyingIndex = snapshot.Index;
    }

    /// <summary>The latest snapshot: the log's base.</summary>
    public SnapshotMetadata Snapshot => _snapshot;

    /// <summary>The first index held in memory.</summary>
    public long FirstIndex => _snapshot.Index + 1;

    /// <summary>The last index of the log (the snapshot index when no entry follows it).</summary>
    public long LastIndex => _snapshot.Index + _entries.Count;

    /// <summary>The term of the last entry.</summary>
    public long LastTerm => _entries.Count == 0 ? _snapshot.Term : _entries[^1].Term;

    /// <summary>The highest index known to be committed.</summary>
    public long CommitIndex { get; private set; }

    /// <summary>The configuration in force: the latest in the log, committed or not.</summary>
    public Configuration Configuration => _configurations.Current;

    /// <summary>The index of the latest configuration entry (or of the snapshot).</summary>
    public long LastConfigurationIndex => _configurations.LatestIndex;

    /// <summary>Changes whenever <see cref="Configuration"/> may have changed.</summary>
    public int ConfigurationVersion => _configurations.Version;

    /// <summary>The configuration in force at <paramref name="index"/>.</summary>
    public Configuration ConfigurationAt(long index) => _configurations.At(index);

    /// <summary>The term at <paramref name="index"/>, or <c>null</c> when compacted away or beyond the end.</summary>
    public long? TermAt(long index)
    {
        if (index == _snapshot.Index)
        {
            return _snapshot.Term;
        }

        return index < _snapshot.Index || index > LastIndex ? null : _entries[(int)(index - FirstIndex)].Term;
    }

    /// <summary>Whether the log holds an entry of <paramref name="term"/> at <paramref name="index"/>.</summary>
    public bool MatchTerm(long index, long term) => TermAt(index) == term;

    /// <summary>The entry at <paramref name="index"/>, which must be in memory.</summary>
    public LogEntry EntryAt(long index) => _entries[(int)(index - FirstIndex)];

    /// <summary>Whether a log ending at (<paramref name="lastIndex"/>, <paramref name="lastTerm"/>) is at least as up to
    /// date as this one (Raft §5.4.1).</summary>
    public bool IsUpToDate(long lastIndex, long lastTerm) =>
        lastTerm > LastTerm || (lastTerm == LastTerm && lastIndex >= LastIndex);

    /// <summary>
    /// The largest index at or below <paramref name="index"/> whose term is at most <paramref name="term"/>, with that term;
    /// every index above it certainly conflicts with a log whose entry at <paramref name="index"/> has
    /// <paramref name="term"/>. Stops at the snapshot (term 0 is returned for a compacted or unknown index).
    /// </summary>
    public (long Index, long Term) FindConflictByTerm(long index, long term)
    {
        if (index > LastIndex)
        {
            return (index, 0);
        }

        while (true)
        {
            var found = TermAt(index);
            if (found is null)
            {
                return (index, 0);
            }

            if (found.Value <= term || index == _snapshot.Index)
            {
                return (index, found.Value);
            }

            index--;
        }
    }

    /// <summary>
    /// Follower side of AppendEntries (Raft §5.3): when the log matches at (<paramref name="prevIndex"/>,
    /// <paramref name="prevTerm"/>), appends the entries it lacks, truncating a conflicting suffix, advances the commit
    /// index and returns the index of the last entry received; otherwise returns <c>null</c> and changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A committed entry conflicts: the safety of the group is broken.</exception>
    public long? TryAppend(long prevIndex, long prevTerm, long leaderCommit, IReadOnlyList<LogEntry> entries)
    {
        if (!MatchTerm(prevIndex, prevTerm))
        {
            return null;
        }

        var lastNew = prevIndex + entries.Count;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Index <= _snapshot.Index || MatchTerm(entry.Index, entry.Term))
            {
                continue;
            }

            if (entry.Index <= CommitIndex)
            {
                throw new InvalidOperationException(
                    $"Entry ({entry.Index}, {entry.Term}) conflicts with a committed entry (commit {CommitIndex}).");
            }

            TruncateFrom(entry.Index);
            for (var j = i; j < entries.Count; j++)
            {
                AppendOne(entries[j]);
            }

            break;
        }

        CommitTo(Math.Min(leaderCommit, lastNew));
        return lastNew;
    }

    /// <summary>Leader side: appends a new entry at the end of the log.</summary>
    public void Append(LogEntry entry)
    {
        if (entry.Index != LastIndex + 1 || entry.Term < LastTerm)
        {
            throw new InvalidOperationException($"Entry ({entry.Index}, {entry.Term}) does not extend the log.");
        }

        AppendOne(entry);
    }

    /// <summary>Raises the commit index; never lowers it.</summary>
    public void CommitTo(long index)
    {
        if (index <= CommitIndex)
        {
            return;
        }

        if (index > LastIndex)
        {
            throw new InvalidOperationException($"Cannot commit {index} beyond the last index {LastIndex}.");
        }

        CommitIndex = index;
    }

    /// <summary>Entries from <paramref name="from"/> on, limited by count and by bytes (at least one when any).</summary>
    public IReadOnlyList<LogEntry> Slice(long from, int maxCount, long maxBytes)
    {
        if (from > LastIndex)
        {
            return [];
        }

        var start = (int)(from - FirstIndex);
        var count = (int)Math.Min(maxCount, _entries.Count - start);
        long bytes = 0;
        var result = new List<LogEntry>(count);
        for (var i = start; i < start + count; i++)
        {
            bytes += _entries[i].Size;
            if (result.Count > 0 && bytes > maxBytes)
            {
                break;
            }

            result.Add(_entries[i]);
        }

        return result;
    }

    private void AppendOne(LogEntry entry)
    {
        _entries.Add(entry);
        if (entry.Kind == EntryKind.ConfigChange)
        {
            _configurations.Append(entry.Index, ConfigChangeEntry.Decode(entry.Payload.Span).Result);
        }
    }

    private void TruncateFrom(long index)
    {
        _entries.RemoveRange((int)(index - FirstIndex), (int)(LastIndex - index + 1));
        _configurations.TruncateFrom(index);
        OnTruncated(index);
    }
}
