namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>A delete was applied.</summary>
/// <param name="Existed">Whether the key existed.</param>
public sealed record KvDeleted(bool Existed) : KvResult;
