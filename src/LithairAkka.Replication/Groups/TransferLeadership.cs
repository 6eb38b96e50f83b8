using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// Asks the group's leader to hand leadership to <paramref name="Target"/> (Raft thesis §3.10); answered at once with
/// <see cref="TransferLeadershipStarted"/>. The transfer itself completes (or is abandoned after an election timeout)
/// later: watch <see cref="GetGroupStatus"/> for the new leader.
/// </summary>
/// <param name="Target">A voter of the group; this node itself cancels a running transfer.</param>
public sealed record TransferLeadership(NodeId Target);
