namespace LithairAkka.Persistence;

/// <summary>Request to a snapshot store: store <paramref name="Snapshot"/> (replacing one with the same persistence id and sequence number).</summary>
/// <param name="Metadata">Its identity.</param>
/// <param name="Snapshot">The state.</param>
public sealed record SaveSnapshot(SnapshotMetadata Metadata, object Snapshot);
