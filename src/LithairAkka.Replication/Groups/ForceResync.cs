using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// Asks the group's leader to send <paramref name="Target"/> its latest snapshot now (Lithair's force-resync);
/// answered with <see cref="ForceResyncResult"/>, or <see cref="NotLeader"/> on a non-leader.
/// </summary>
/// <param name="Target">A follower of the group.</param>
public sealed record ForceResync(NodeId Target);
