namespace LithairAkka.Persistence;

/// <summary>Identifies a snapshot: the persistence id, the sequence number of the last event it includes, and when it was taken. Immutable.</summary>
/// <param name="PersistenceId">The stream.</param>
/// <param name="SequenceNr">The sequence number of the last event the snapshot includes.</param>
/// <param name="Timestamp">When it was taken (UTC); <see cref="DateTime.MinValue"/> when unknown.</param>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTime Timestamp);
