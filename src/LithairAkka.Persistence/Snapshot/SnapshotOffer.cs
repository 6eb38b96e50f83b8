namespace LithairAkka.Persistence;

/// <summary>
/// Sent to a persistent actor's recovery handler first when recovery starts from a snapshot; the events after
/// <see cref="SnapshotMetadata.SequenceNr"/> follow. Immutable.
/// </summary>
/// <param name="Metadata">Identity of the snapshot.</param>
/// <param name="Snapshot">The snapshot state.</param>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);
