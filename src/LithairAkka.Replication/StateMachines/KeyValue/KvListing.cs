namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>The answer to <see cref="KvList"/>.</summary>
/// <param name="Entries">The matching entries in ordinal key order.</param>
/// <param name="Truncated">Whether more keys matched than the limit.</param>
public sealed record KvListing(IReadOnlyList<KvEntry> Entries, bool Truncated);
