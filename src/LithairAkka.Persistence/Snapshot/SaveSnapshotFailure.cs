namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="SaveSnapshot"/> (and to a persistent actor's <c>SaveSnapshot</c>): not stored.</summary>
/// <param name="Metadata">The snapshot's identity.</param>
/// <param name="Cause">The failure.</param>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);
