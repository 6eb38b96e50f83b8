namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A batch of work the core asks its host to carry out, obtained with <see cref="RaftCore.GetReady"/>.
/// <para>
/// The host MUST process a Ready in this order, then call <see cref="RaftCore.Advance"/> with it:
/// </para>
/// <list type="number">
/// <item><description>If <see cref="Snapshot"/> is set: durably store the snapshot data it received for it (see
/// <see cref="InstallSnapshotRequest"/>), discard every persisted entry, and reset the state machine to the snapshot.
/// </description></item>
/// <item><description>Durably persist <see cref="HardState"/> (when set) and <see cref="Entries"/>: first delete every
/// persisted entry whose index is at or above <c>Entries[0].Index</c>, then append. These writes must be durable
/// (fsync or equivalent) before step 3, because the messages that follow promise it: a vote is persisted before it is
/// answered, and an append is acknowledged only once stored.</description></item>
/// <item><description>Send <see cref="Messages"/>, each to its <see cref="RaftMessage.To"/>. Losing some is harmless.
/// An <see cref="InstallSnapshotRequest"/> tells the host to transfer snapshot data first.</description></item>
/// <item><description>Apply <see cref="CommittedEntries"/> to the state machine in order (skipping no-op and
/// configuration entries, or observing them), then answer the reads in <see cref="ReadStates"/>.</description></item>
/// </list>
/// <para>
/// A crash at any point is safe as long as a restarted core is given only what was persisted (see
/// <see cref="RaftPersistentState"/>). A Ready belongs to the core that issued it; it is immutable.
/// </para>
/// </summary>
public sealed class Ready
{
    internal Ready(
        SoftState? softState,
        HardState? hardState,
        SnapshotMetadata? snapshot,
        IReadOnlyList<LogEntry> entries,
        IReadOnlyList<RaftMessage> messages,
        IReadOnlyList<LogEntry> committedEntries,
        IReadOnlyList<ReadState> readStates)
    {
        SoftState = softState;
        HardState = hardState;
        Snapshot = snapshot;
        Entries = entries;
        Messages = messages;
        CommittedEntries = committedEntries;
        ReadStates = readStates;
    }

    /// <summary>The new role, leader or term, when any changed since the previous Ready; nothing to persist.</summary>
    public SoftState? SoftState { get; }

    /// <summary>The hard state to persist, when it changed since the previous Ready.</summary>
    public HardState? HardState { get; }

    /// <summary>A snapshot received from the leader that replaces this node's log and state machine.</summary>
    public SnapshotMetadata? Snapshot { get; }

    /// <summary>Entries to persist, consecutive; they replace any persisted entry at or above the first one's index.</summary>
    public IReadOnlyList<LogEntry> Entries { get; }

    /// <summary>Messages to send once the hard state and entries are durable.</summary>
    public IReadOnlyList<RaftMessage> Messages { get; }

    /// <summary>Committed entries to apply in order, each exactly once.</summary>
    public IReadOnlyList<LogEntry> CommittedEntries { get; }

    /// <summary>Linearizable reads that may be answered once <see cref="CommittedEntries"/> are applied.</summary>
    public IReadOnlyList<ReadState> ReadStates { get; }

    /// <summary>Whether the batch holds nothing at all.</summary>
    public bool IsEmpty =>
        SoftState is null && HardState is null && Snapshot is null && Entries.Count == 0 && Messages.Count == 0
        && CommittedEntries.Count == 0 && ReadStates.Count == 0;
}
