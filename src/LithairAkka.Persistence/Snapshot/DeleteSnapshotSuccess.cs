namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteSnapshot"/>: deleted (or there was none).</summary>
/// <param name="Metadata">The snapshot.</param>
public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);
