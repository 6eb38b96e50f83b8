namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="SaveSnapshot"/> (and to a persistent actor's <c>SaveSnapshot</c>): stored.</summary>
/// <param name="Metadata">The stored snapshot's identity.</param>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);
