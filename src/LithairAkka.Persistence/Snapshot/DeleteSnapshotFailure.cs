namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteSnapshot"/>: deleting failed.</summary>
/// <param name="Metadata">The snapshot.</param>
/// <param name="Cause">The failure.</param>
public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);
