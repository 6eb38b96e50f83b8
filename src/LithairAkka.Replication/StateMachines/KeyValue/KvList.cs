namespace LithairAkka.Replication.StateMachines.KeyValue;

/// <summary>Query: the keys starting with <paramref name="Prefix"/> in ordinal order, at most <paramref name="Limit"/>; answered with <see cref="KvListing"/>.</summary>
/// <param name="Prefix">The key prefix ("" lists everything).</param>
/// <param name="Limit">The most entries returned, at least 1.</param>
public sealed record KvList(string Prefix, int Limit = 100);
