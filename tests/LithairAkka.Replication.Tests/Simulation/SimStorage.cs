using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// A node's disk: only what a Ready asked to persist (and snapshots the host took) ever lands here, and it is all a
/// restarted node gets back.
/// </summary>
internal sealed class SimStorage
{
    public SimStorage(SnapshotMetadata initial)
    {
        Snapshot = initial;
    }

    public HardState HardState { get; set; }

    public SnapshotMetadata Snapshot { get; private set; }

    /// <summary>The state machine at <see cref="Snapshot"/>: records 1..Snapshot.Index.</summary>
    public AppliedRecord[] SnapshotData { get; private set; } = [];

    public List<LogEntry> Entries { get; } = [];

    public RaftPersistentState ToPersistentState() => new(HardState, Snapshot, [.. Entries]);

    /// <summary>The term of the stored entry at <paramref name="index"/>, if known.</summary>
    public long? TermAt(long index)
    {
        if (index == Snapshot.Index)
        {
            return Snapshot.Term;
        }

        var position = index - Snapshot.Index - 1;
        return position >= 0 && position < Entries.Count ? Entries[(int)position].Term : null;
    }

    public LogEntry? EntryAt(long index)
    {
        var position = index - Snapshot.Index - 1;
        return position >= 0 && position < Entries.Count ? Entries[(int)position] : null;
    }

    /// <summary>Replaces the stored entries from the first one's index on.</summary>
    public void Append(IReadOnlyList<LogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var first = entries[0].Index;
        Entries.RemoveAll(e => e.Index >= first);
        if (Entries.Count > 0 ? Entries[^1].Index != first - 1 : Snapshot.Index != first - 1)
        {
            throw new InvalidOperationException($"Persisting entries from {first} would leave a gap after the stored log.");
        }

        Entries.AddRange(entries);
    }

    /// <summary>A snapshot received from the leader replaces the whole log.</summary>
    public void Install(SnapshotMetadata snapshot, AppliedRecord[] data)
    {
        Snapshot = snapshot;
        SnapshotData = data;
        Entries.Clear();
    }

    /// <summary>A snapshot the host took: the log prefix it covers goes.</summary>
    public void Compact(SnapshotMetadata snapshot, AppliedRecord[] data)
    {
        Snapshot = snapshot;
        SnapshotData = data;
        Entries.RemoveAll(e => e.Index <= snapshot.Index);
    }
}
