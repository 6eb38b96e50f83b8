namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>A put succeeded; the key now has <paramref name="Version"/>.</summary>
/// <param name="Version">The new version (1 for a new key).</param>
public sealed record KvWritten(long Version) : KvResult;
