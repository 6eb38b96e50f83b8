using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>From <c>ReplicaGroup</c> to a <see cref="FollowerStream"/>: send a message of the leader core to the follower.</summary>
/// <param name="Message">An append, a heartbeat or another leader message addressed to the stream's follower.</param>
/// <param name="Peer">The follower's <c>ReplicaGroup</c>.</param>
/// <param name="Group">The leader's <c>ReplicaGroup</c>: the sender the follower answers to.</param>
public sealed record StreamSend(RaftMessage Message, IActorRef Peer, IActorRef Group);
