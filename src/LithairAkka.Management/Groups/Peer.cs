using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Groups;

/// <summary>Another member of the replication group.</summary>
/// <param name="Node">Its node id.</param>
/// <param name="Group">Its <c>ReplicaGroup</c> actor (a remote ref across nodes).</param>
/// <param name="Address">Its address as shown in monitoring output (<c>host:port</c> of its remoting endpoint).</param>
public sealed record Peer(NodeId Node, IActorRef Group, string Address);
