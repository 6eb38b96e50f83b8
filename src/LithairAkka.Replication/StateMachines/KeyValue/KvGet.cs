namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>Query: the value and version of <paramref name="Key"/>; answered with <see cref="KvEntry"/>.</summary>
/// <param name="Key">The key.</param>
public sealed record KvGet(string Key);
