namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// Identifies a client write for exactly-once retries: a client numbers its writes with increasing
/// <paramref name="Sequence"/> values and retries a write with the same pair.
/// </summary>
/// <param name="ClientId">The client's stable identity.</param>
/// <param name="Sequence">The write's number, at least 1, increasing per client.</param>
public sealed record ClientRequest(string ClientId, long Sequence);
