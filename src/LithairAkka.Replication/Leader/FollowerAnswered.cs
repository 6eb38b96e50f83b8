using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>From <c>ReplicaGroup</c>: a follower answered (<paramref name="Success"/> false for a rejected append).</summary>
/// <param name="Node">The follower.</param>
/// <param name="Success">Whether the answer was positive.</param>
/// <param name="Latency">Time since the oldest unanswered send to it, if known.</param>
public sealed record FollowerAnswered(NodeId Node, bool Success, TimeSpan? Latency);
