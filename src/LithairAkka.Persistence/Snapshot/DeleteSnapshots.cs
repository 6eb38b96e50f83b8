namespace LithairAkka.Persistence;

/// <summary>
/// Request to a snapshot store: delete every snapshot of <paramref name="PersistenceId"/> matching
/// <paramref name="Criteria"/>. Answered with <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.
/// </summary>
/// <param name="PersistenceId">The stream.</param>
/// <param name="Criteria">Which snapshots to delete.</param>
public sealed record DeleteSnapshots(string PersistenceId, SnapshotSelectionCriteria Criteria);
