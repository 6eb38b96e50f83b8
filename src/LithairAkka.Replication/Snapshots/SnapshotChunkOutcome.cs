namespace LithairAkka.Replication.Snapshots;

/// <summary>The outcome of <see cref="SnapshotAssembler.Accept"/>.</summary>
/// <param name="Status">What happened to the chunk.</param>
/// <param name="NextOffset">The offset of the next chunk the follower needs (the bytes it holds).</param>
public readonly record struct SnapshotChunkOutcome(SnapshotChunkStatus Status, long NextOffset);
