namespace LithairAkka.Persistence;

/// <summary>
/// Request to a snapshot store: the youngest snapshot of <paramref name="PersistenceId"/> matching
/// <paramref name="Criteria"/> limited to <paramref name="ToSequenceNr"/>. Answered with
/// <see cref="LoadSnapshotResult"/> or <see cref="LoadSnapshotFailed"/>.
/// </summary>
/// <param name="PersistenceId">The stream.</param>
/// <param name="Criteria">Which snapshots qualify.</param>
/// <param name="ToSequenceNr">Upper bound of the recovery.</param>
public sealed record LoadSnapshot(string PersistenceId, SnapshotSelectionCriteria Criteria, long ToSequenceNr);
