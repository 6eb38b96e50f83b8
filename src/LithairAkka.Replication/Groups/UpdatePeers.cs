using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>Replaces the group's peer addresses (node id to the peer's <c>ReplicaGroup</c> ref).</summary>
/// <param name="Peers">Every other member's ref; entries for this node are ignored.</param>
public sealed record UpdatePeers(IReadOnlyDictionary<NodeId, IActorRef> Peers);
