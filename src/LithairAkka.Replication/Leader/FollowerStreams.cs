using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>From <see cref="ReplicationLeader"/> to its <c>ReplicaGroup</c>: the stream of each follower, whenever the set changes.</summary>
/// <param name="Streams">One <see cref="FollowerStream"/> per follower.</param>
public sealed record FollowerStreams(IReadOnlyDictionary<NodeId, IActorRef> Streams);
