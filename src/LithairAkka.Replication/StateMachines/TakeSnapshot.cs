namespace LithairAkka.Replication.StateMachines;

/// <summary>Write a snapshot of the state; the sender receives <see cref="SnapshotTaken"/>.</summary>
public sealed record TakeSnapshot;
