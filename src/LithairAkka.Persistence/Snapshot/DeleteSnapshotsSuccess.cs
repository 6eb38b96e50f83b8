namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteSnapshots"/>: the matching snapshots are deleted.</summary>
/// <param name="Criteria">The criteria of the request.</param>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);
