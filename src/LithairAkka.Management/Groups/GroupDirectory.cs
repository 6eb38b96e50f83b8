using System.Collections.Immutable;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;

namespace LithairAkka.Management.Groups;

/// <summary>
/// Where this node's replication group and its peers' groups are: the one place that gives the local
/// <see cref="ReplicaGroup"/> its peers (<see cref="UpdatePeers"/>) and tells the HTTP handlers which
/// <see cref="IActorRef"/> to forward to when another node leads. Refs may be local or remote alike. Whoever learns
/// about membership (static configuration now, cluster membership later) calls <see cref="SetPeers"/>.
/// </summary>
/// <remarks>Thread-safe: readers see an immutable snapshot; writers replace it.</remarks>
public sealed class GroupDirectory
{
    private ImmutableDictionary<NodeId, Peer> _peers = ImmutableDictionary<NodeId, Peer>.Empty;

    /// <summary>Creates a directory for the group <paramref name="localGroup"/> of node <paramref name="self"/>.</summary>
    /// <param name="self">This node's id.</param>
    /// <param name="localGroup">This node's <see cref="ReplicaGroup"/>.</param>
    /// <param name="selfAddress">How this node is named in monitoring output (its remoting address).</param>
    public GroupDirectory(NodeId self, IActorRef localGroup, string selfAddress)
    {
        ArgumentNullException.ThrowIfNull(localGroup);
        ArgumentException.ThrowIfNullOrEmpty(selfAddress);
        Self = self;
        LocalGroup = localGroup;
        SelfAddress = selfAddress;
    }

    /// <summary>This node's id.</summary>
    public NodeId Self { get; }

    /// <summary>This node's group actor.</summary>
    public IActorRef LocalGroup { get; }

    /// <summary>This node's address, as shown in monitoring output.</summary>
    public string SelfAddress { get; }

    /// <summary>Which peers' connections are closed (a request forwarded to a dead node fails fast); fed by the host.</summary>
    public PeerConnections Connections { get; } = new();

    /// <summary>The known peers (other nodes' groups), by node id.</summary>
    public IReadOnlyDictionary<NodeId, Peer> Peers => Volatile.Read(ref _peers);

    /// <summary>
    /// Replaces the known peers and tells the local group. Entries for <see cref="Self"/> are ignored.
    /// </summary>
    /// <param name="peers">Every other member: its group ref and its address for monitoring output.</param>
    public void SetPeers(IEnumerable<Peer> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var map = peers.Where(p => p.Node != Self).ToImmutableDictionary(p => p.Node);
        Volatile.Write(ref _peers, map);
        LocalGroup.Tell(new UpdatePeers(map.ToDictionary(p => p.Key, p => p.Value.Group)));
    }

    /// <summary>The group actor of <paramref name="node"/>, or <see langword="null"/> when unknown.</summary>
    public IActorRef? Resolve(NodeId node) =>
        node == Self ? LocalGroup : Peers.TryGetValue(node, out var peer) ? peer.Group : null;

    /// <summary>The monitoring name of <paramref name="node"/>: its address when known, else its id (<c>n2</c>).</summary>
    public string Describe(NodeId node) =>
        node == Self ? SelfAddress : Peers.TryGetValue(node, out var peer) ? peer.Address : node.ToString();

    /// <summary>The node named <paramref name="address"/> (as <see cref="Describe"/> prints it), if any.</summary>
    public NodeId? FindByAddress(string address)
    {
        if (string.Equals(address, SelfAddress, StringComparison.Ordinal))
        {
            return Self;
        }

        foreach (var (node, peer) in Peers)
        {
            if (string.Equals(peer.Address, address, StringComparison.Ordinal))
            {
                return node;
            }
        }

        return null;
    }
}
