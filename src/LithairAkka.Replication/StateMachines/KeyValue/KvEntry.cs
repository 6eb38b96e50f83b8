namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>A key's value and version; <see cref="Version"/> 0 and an empty value mean the key is absent.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="Version">The version, 0 when absent.</param>
public sealed record KvEntry(string Key, ReadOnlyMemory<byte> Value, long Version)
{
    /// <summary>Whether the key exists.</summary>
    public bool Exists => Version > 0;
}
