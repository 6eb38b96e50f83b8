namespace LithairAkka.Replication.Consensus;

/// <summary>
/// What a host hands a new <see cref="RaftCore"/>: exactly what it persisted from earlier Ready batches (hard state,
/// latest snapshot, entries after it), or the starting point of a brand-new member.
/// </summary>
/// <param name="HardState">The last persisted hard state (default for a new node).</param>
/// <param name="Snapshot">The latest persisted snapshot's metadata; for a node that never took or installed one, the
/// group's initial metadata (<see cref="SnapshotMetadata.Initial"/>), whose configuration is the bootstrap membership
/// (empty for a node that joins an existing group).</param>
/// <param name="Entries">The persisted entries after <see cref="SnapshotMetadata.Index"/>, in order, without gaps.</param>
/// <param name="AppliedIndex">How far the host's state machine already reflects the log when the core starts: the
/// snapshot index when the state machine is rebuilt from the snapshot (the default, <c>null</c>), more for a durable
/// state machine. The core hands out committed entries after it.</param>
public sealed record RaftPersistentState(
    HardState HardState,
    SnapshotMetadata Snapshot,
    IReadOnlyList<LogEntry> Entries,
    long? AppliedIndex = null)
{
    /// <summary>The state of a founding member of a new group.</summary>
    /// <param name="configuration">The group's initial membership, identical on every founding member.</param>
    /// <returns>The state.</returns>
    public static RaftPersistentState Bootstrap(Configuration configuration) =>
        new(default, SnapshotMetadata.Initial(configuration), []);

    /// <summary>The state of a node that will join an existing group as a learner; it learns the membership from the
    /// leader's log or snapshot.</summary>
    /// <returns>The state.</returns>
    public static RaftPersistentState Joining() => Bootstrap(Configuration.Empty);
}
