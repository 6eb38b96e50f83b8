namespace LithairAkka.Persistence;

/// <summary>Snapshots and deletion of events.</summary>
public abstract partial class Eventsourced
{
    /// <summary>
    /// Saves <paramref name="snapshot"/> as the state at <see cref="SnapshotSequenceNr"/>; the actor receives
    /// <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> as a command.
    /// </summary>
    public void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(SnapshotterId, SnapshotSequenceNr, Context.System.TimeProvider.GetUtcNow().UtcDateTime);
        SnapshotStore.Tell(new SaveSnapshot(metadata, snapshot), Self);
    }

    /// <summary>Deletes the snapshot at <paramref name="sequenceNr"/>; answered with <see cref="DeleteSnapshotSuccess"/> or <see cref="DeleteSnapshotFailure"/>.</summary>
    public void DeleteSnapshot(long sequenceNr) =>
        SnapshotStore.Tell(new DeleteSnapshot(new SnapshotMetadata(SnapshotterId, sequenceNr, DateTime.MinValue)), Self);

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>; answered with <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    public void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        SnapshotStore.Tell(new DeleteSnapshots(SnapshotterId, criteria), Self);
    }

    /// <summary>
    /// Deletes the events up to <paramref name="toSequenceNr"/> (<see cref="long.MaxValue"/>: up to
    /// <see cref="LastSequenceNr"/>); answered with <see cref="DeleteMessagesSuccess"/> or
    /// <see cref="DeleteMessagesFailure"/> (also when the bound is beyond <see cref="LastSequenceNr"/>). The highest
    /// sequence number stays, so later events continue after it.
    /// </summary>
    public void DeleteMessages(long toSequenceNr)
    {
        var to = toSequenceNr == long.MaxValue ? LastSequenceNr : toSequenceNr;
        if (to > LastSequenceNr)
        {
            Self.Tell(
                new DeleteMessagesFailure(
                    new InvalidOperationException($"Cannot delete up to sequence number {toSequenceNr}: the last one is {LastSequenceNr}."),
                    toSequenceNr),
                Self);
            return;
        }

        Journal.Tell(new DeleteMessagesTo(PersistenceId, to, Self), Self);
    }
}
