namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="LoadSnapshot"/>: reading or deserializing failed; the recovery fails.</summary>
/// <param name="Cause">The failure.</param>
public sealed record LoadSnapshotFailed(Exception Cause);
