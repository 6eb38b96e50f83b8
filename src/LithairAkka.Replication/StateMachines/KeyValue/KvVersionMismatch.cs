namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>A conditional write was refused: the key's version is not the expected one.</summary>
/// <param name="CurrentVersion">The key's current version (0: absent).</param>
public sealed record KvVersionMismatch(long CurrentVersion) : KvResult;
