namespace LithairAkka.Persistence;

/// <summary>
/// Request to a snapshot store: delete the snapshot with the persistence id and sequence number of
/// <paramref name="Metadata"/>. Answered with <see cref="DeleteSnapshotSuccess"/> or <see cref="DeleteSnapshotFailure"/>.
/// </summary>
/// <param name="Metadata">The snapshot.</param>
public sealed record DeleteSnapshot(SnapshotMetadata Metadata);
