using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// <c>force-resync</c>: asks the leader's <see cref="ReplicaGroup"/> to send its latest snapshot to
/// <paramref name="Follower"/> now. Answered with <see cref="ResyncStarted"/>, <see cref="ResyncRefused"/> or
/// <see cref="NotLeader"/>.
/// </summary>
/// <param name="Follower">A member other than the leader.</param>
public sealed record ForceResync(NodeId Follower);
