namespace LithairAkka.Replication.StateMachines;

/// <summary>A snapshot of the state machine (state plus deduplication table).</summary>
/// <param name="AppliedIndex">The last entry index the snapshot contains.</param>
/// <param name="Data">The snapshot bytes.</param>
public sealed record SnapshotTaken(long AppliedIndex, byte[] Data);
