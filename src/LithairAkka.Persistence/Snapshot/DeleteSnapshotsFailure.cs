namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteSnapshots"/>: deleting failed.</summary>
/// <param name="Criteria">The criteria of the request.</param>
/// <param name="Cause">The failure.</param>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
