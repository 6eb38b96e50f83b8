namespace LithairAkka.Replication.StateMachines;

/// <summary>Replace the whole state with a snapshot's; no answer.</summary>
/// <param name="AppliedIndex">The snapshot's last index.</param>
/// <param name="Data">Bytes written by a <see cref="TakeSnapshot"/> of the same state machine type.</param>
public sealed record RestoreSnapshot(long AppliedIndex, byte[] Data);
