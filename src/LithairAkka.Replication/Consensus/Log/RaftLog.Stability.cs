namespace LithairAkka.Replication.Consensus;

/// <summary>
/// What of the log the host has been asked to persist and to apply, and what it acknowledged. Entries and a received
/// snapshot are handed out once (<see cref="TakeUnpersisted"/>, <see cref="TakePendingSnapshot"/>,
/// <see cref="TakeCommittedToApply"/>) and acknowledged when the host advances past the Ready that carried them.
/// </summary>
internal sealed partial class RaftLog
{
    // The last index handed to the host for persistence (in-flight or done); never above LastIndex.
    private long _persistingIndex;

    // The last index handed to the host for application.
    private long _applyingIndex;

    // A snapshot received from the leader, not yet handed to the host.
    private SnapshotMetadata? _pendingSnapshot;

    /// <summary>The last index the host acknowledged as durable: a leader counts itself in a quorum up to here.</summary>
    public long PersistedIndex { get; private set; }

    /// <summary>The last index the host acknowledged as applied.</summary>
    public long AppliedIndex { get; private set; }

    /// <summary>The last index handed out for application (applied once the current Ready is processed).</summary>
    public long ApplyingIndex => _applyingIndex;

    /// <summary>Whether there is a snapshot or entries the host has not been asked to persist.</summary>
    public bool HasUnpersisted => _pendingSnapshot is not null || LastIndex > _persistingIndex;

    /// <summary>Whether committed entries wait to be handed out for application.</summary>
    public bool HasCommittedToApply => Math.Min(CommitIndex, _persistingIndex) > _applyingIndex;

    /// <summary>Starts the core with a state machine already at <paramref name="applied"/> and a known commit index.</summary>
    public void Restart(long commit, long applied)
    {
        if (commit < _snapshot.Index || commit > LastIndex)
        {
            throw new ArgumentException(
                $"Persisted commit index {commit} is outside the persisted log [{_snapshot.Index}, {LastIndex}].", nameof(commit));
        }

        if (applied < _snapshot.Index || applied > commit)
        {
            throw new ArgumentException(
                $"Applied index {applied} is outside [{_snapshot.Index}, {commit}].", nameof(applied));
        }

        CommitIndex = commit;
        AppliedIndex = applied;
        _applyingIndex = applied;
    }

    /// <summary>Hands out the snapshot to install, if any.</summary>
    public SnapshotMetadata? TakePendingSnapshot()
    {
        var snapshot = _pendingSnapshot;
        _pendingSnapshot = null;
        return snapshot;
    }

    /// <summary>Hands out the entries not yet given to the host for persistence.</summary>
    public IReadOnlyList<LogEntry> TakeUnpersisted()
    {
        if (LastIndex <= _persistingIndex)
        {
            return [];
        }

        var start = (int)(_persistingIndex + 1 - FirstIndex);
        var entries = _entries.GetRange(start, _entries.Count - start);
        _persistingIndex = LastIndex;
        return entries;
    }

    /// <summary>
    /// Hands out committed entries not yet given for application. Bounded by what was handed out for persistence, so a
    /// host that persists a Ready's entries before applying its committed entries never applies an entry it has not stored.
    /// </summary>
    public IReadOnlyList<LogEntry> TakeCommittedToApply()
    {
        var upTo = Math.Min(CommitIndex, _persistingIndex);
        if (upTo <= _applyingIndex)
        {
            return [];
        }

        var start = (int)(_applyingIndex + 1 - FirstIndex);
        var entries = _entries.GetRange(start, (int)(upTo - _applyingIndex));
        _applyingIndex = upTo;
        return entries;
    }

    /// <summary>The host made a Ready's snapshot and entries durable.</summary>
    public void AcknowledgePersisted(SnapshotMetadata? snapshot, IReadOnlyList<LogEntry> entries)
    {
        if (snapshot is not null && snapshot.Index >= _snapshot.Index)
        {
            PersistedIndex = Math.Max(PersistedIndex, snapshot.Index);
            AppliedIndex = Math.Max(AppliedIndex, snapshot.Index);
        }

        if (entries.Count == 0)
        {
            return;
        }

        // Entries of the Ready may have been truncated since (a new leader overwrote them): only the part still in the
        // log with the same term was stored as it is now. Same index and term imply the same prefix (Log Matching).
        var upTo = Math.Min(entries[^1].Index, _persistingIndex);
        var first = entries[0].Index;
        if (upTo >= first && upTo > PersistedIndex && TermAt(upTo) == entries[(int)(upTo - first)].Term)
        {
            PersistedIndex = upTo;
        }
    }

    /// <summary>The host applied every committed entry up to <paramref name="index"/>.</summary>
    public void AcknowledgeApplied(long index) => AppliedIndex = Math.Max(AppliedIndex, index);

    /// <summary>
    /// Replaces the whole log by a snapshot received from the leader (Raft §7): the host installs it with the next Ready.
    /// </summary>
    public void Restore(SnapshotMetadata snapshot)
    {
        _entries.Clear();
        _snapshot = snapshot;
        _configurations.Reset(snapshot.Index, snapshot.Configuration);
        CommitIndex = snapshot.Index;
        _persistingIndex = snapshot.Index;
        PersistedIndex = Math.Min(PersistedIndex, snapshot.Index);
        _applyingIndex = snapshot.Index;
        _pendingSnapshot = snapshot;
    }

    /// <summary>Drops the entries a host snapshot covers; the snapshot must lie within the applied part of the log.</summary>
    /// <exception cref="ArgumentException">The snapshot is not at an applied entry of this log.</exception>
    public void Compact(SnapshotMetadata snapshot)
    {
        if (snapshot.Index <= _snapshot.Index)
        {
            return;
        }

        if (snapshot.Index > AppliedIndex || TermAt(snapshot.Index) != snapshot.Term)
        {
            throw new ArgumentException(
                $"Snapshot ({snapshot.Index}, {snapshot.Term}) is not an applied entry of the log (applied {AppliedIndex}).",
                nameof(snapshot));
        }

        _entries.RemoveRange(0, (int)(snapshot.Index - _snapshot.Index));
        _configurations.CompactTo(snapshot.Index);
        _snapshot = snapshot;
    }

    private void OnTruncated(long index)
    {
        _persistingIndex = Math.Min(_persistingIndex, index - 1);
        PersistedIndex = Math.Min(PersistedIndex, index - 1);
    }
}
