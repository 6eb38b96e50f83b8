using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>The answer to <see cref="TransferLeadership"/>.</summary>
/// <param name="Status"><see cref="RaftRequestStatus.Accepted"/> when the transfer runs; otherwise why not
/// (<see cref="RaftRequestStatus.NotLeader"/>, <see cref="RaftRequestStatus.InvalidTarget"/>).</param>
/// <param name="Leader">The leader this node knows of when it answered.</param>
public sealed record TransferLeadershipStarted(RaftRequestStatus Status, NodeId? Leader);
