namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>Removes <paramref name="Key"/>; answered with <see cref="KvDeleted"/> or <see cref="KvVersionMismatch"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="IfVersion">When set, delete only if the key's current version is this.</param>
public sealed record KvDelete(string Key, long? IfVersion = null) : KvCommand;
