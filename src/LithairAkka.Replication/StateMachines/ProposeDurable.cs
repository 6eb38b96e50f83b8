namespace LithairAkka.Replication.StateMachines;

/// <summary>The write was stored durably by the leader (<c>write-consistency = async</c>); it is not applied yet.</summary>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
public sealed record ProposeDurable(long Index, long Term);
