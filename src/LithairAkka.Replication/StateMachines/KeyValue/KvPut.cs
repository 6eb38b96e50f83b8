namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>Stores <paramref name="Value"/> under <paramref name="Key"/>; answered with <see cref="KvWritten"/> or <see cref="KvVersionMismatch"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="IfVersion">When set, write only if the key's current version is this (0: only if absent).</param>
public sealed record KvPut(string Key, ReadOnlyMemory<byte> Value, long? IfVersion = null) : KvCommand;
