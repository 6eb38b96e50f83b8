using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>From <c>ReplicaGroup</c> every heartbeat interval: the core's status.</summary>
/// <param name="Status">The leader core's status.</param>
public sealed record LeaderProgress(RaftStatus Status);
