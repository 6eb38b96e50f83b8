namespace LithairAkka.Replication.Groups;

/// <summary>The answer to <see cref="ForceResync"/> when no transfer can start (not a member, or no snapshot yet).</summary>
/// <param name="Reason">Why.</param>
public sealed record ResyncRefused(string Reason);
