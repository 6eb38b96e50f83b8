namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="LoadSnapshot"/>.</summary>
/// <param name="Snapshot">The selected snapshot, or null when none matched.</param>
/// <param name="ToSequenceNr">The request's upper bound, passed on to the replay.</param>
public sealed record LoadSnapshotResult(SelectedSnapshot? Snapshot, long ToSequenceNr);
