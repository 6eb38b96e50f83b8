namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The configurations found in a log: the one of its snapshot, then one per configuration entry. A node uses the
/// latest one as soon as the entry is appended, committed or not (Raft thesis §4.1), so truncating a conflicting
/// suffix must bring the previous configuration back. Not thread-safe; owned by one <see cref="RaftLog"/>.
/// </summary>
internal sealed class ConfigurationHistory
{
    private readonly List<(long Index, Configuration Configuration)> _changes = [];
    private long _baseIndex;
    private Configuration _base;

    public ConfigurationHistory(long baseIndex, Configuration baseConfiguration)
    {
        _baseIndex = baseIndex;
        _base = baseConfiguration;
    }

    /// <summary>The configuration in force: the latest in the log.</summary>
    public Configuration Current => _changes.Count == 0 ? _base : _changes[^1].Configuration;

    /// <summary>The index of the latest configuration entry, or of the snapshot when the log has none.</summary>
    public long LatestIndex => _changes.Count == 0 ? _baseIndex : _changes[^1].Index;

    /// <summary>Incremented whenever <see cref="Current"/> may have changed.</summary>
    public int Version { get; private set; }

    /// <summary>The configuration in force at <paramref name="index"/> (at or after the snapshot index).</summary>
    public Configuration At(long index)
    {
        for (var i = _changes.Count - 1; i >= 0; i--)
        {
            if (_changes[i].Index <= index)
            {
                return _changes[i].Configuration;
            }
        }

        return _base;
    }

    public void Append(long index, Configuration configuration)
    {
        _changes.Add((index, configuration));
        Version++;
    }

    /// <summary>Forgets the configuration entries at or above <paramref name="index"/> (a conflicting suffix).</summary>
    public void TruncateFrom(long index)
    {
        var removed = _changes.RemoveAll(change => change.Index >= index);
        if (removed > 0)
        {
            Version++;
        }
    }

    /// <summary>Folds every change at or below <paramref name="index"/> into the base (log compaction).</summary>
    public void CompactTo(long index)
    {
        _base = At(index);
        _baseIndex = index;
        _changes.RemoveAll(change => change.Index <= index);
    }

    /// <summary>Replaces the whole history by a snapshot's configuration.</summary>
    public void Reset(long index, Configuration configuration)
    {
        _changes.Clear();
        _baseIndex = index;
        _base = configuration;
        Version++;
    }
}
