namespace LithairAkka.Persistence;

/// <summary>A snapshot loaded from a snapshot store. Immutable.</summary>
/// <param name="Metadata">Its identity.</param>
/// <param name="Snapshot">The snapshot state.</param>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
