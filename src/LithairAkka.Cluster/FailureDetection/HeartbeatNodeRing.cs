using System.Collections.Immutable;
using System.Text;

namespace LithairAkka.Cluster;

/// <summary>
/// Chooses which nodes each node sends heartbeats to (Akka's <c>HeartbeatNodeRing</c>). The nodes are placed on a
/// ring ordered by a deterministic hash of their unique address, so that the same ring is computed everywhere and
/// neighbours in it are unlikely to be physical neighbours; a node's receivers are the next
/// <see cref="MonitoredByNumberOfNodes"/> reachable nodes after it, plus the unreachable nodes met on the way, so
/// that every node is monitored by that many others. Immutable and thread-safe.
/// </summary>
public sealed class HeartbeatNodeRing
{
    private readonly Lazy<ImmutableList<UniqueAddress>> _ring;
    private readonly Lazy<ImmutableHashSet<UniqueAddress>> _myReceivers;

    /// <summary>Creates a ring.</summary>
    /// <param name="selfAddress">This node; must be in <paramref name="nodes"/>.</param>
    /// <param name="nodes">Every node of the ring.</param>
    /// <param name="unreachable">Nodes currently seen as unreachable.</param>
    /// <param name="monitoredByNumberOfNodes">How many nodes monitor each node (<c>monitored-by-nr-of-members</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="nodes"/> does not contain <paramref name="selfAddress"/>.</exception>
    public HeartbeatNodeRing(UniqueAddress selfAddress, ImmutableHashSet<UniqueAddress> nodes, ImmutableHashSet<UniqueAddress> unreachable,
        int monitoredByNumberOfNodes)
    {
        ArgumentNullException.ThrowIfNull(selfAddress);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(unreachable);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(monitoredByNumberOfNodes);
        if (!nodes.Contains(selfAddress))
        {
            throw new ArgumentException($"Nodes [{string.Join(", ", nodes)}] must contain self [{selfAddress}].", nameof(nodes));
        }

        SelfAddress = selfAddress;
        Nodes = nodes;
        Unreachable = unreachable;
        MonitoredByNumberOfNodes = monitoredByNumberOfNodes;
        _ring = new Lazy<ImmutableList<UniqueAddress>>(() => [.. Nodes.OrderBy(StableHash).ThenBy(n => n)]);
        _myReceivers = new Lazy<ImmutableHashSet<UniqueAddress>>(() => Receivers(SelfAddress));
    }

    /// <summary>The ring order: by a stable 64-bit hash of the unique address, then by address.</summary>
    public static IComparer<UniqueAddress> RingOrdering { get; } = Comparer<UniqueAddress>.Create(static (x, y) =>
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byHash = StableHash(x).CompareTo(StableHash(y));
        return byHash != 0 ? byHash : x.CompareTo(y);
    });

    /// <summary>This node.</summary>
    public UniqueAddress SelfAddress { get; }

    /// <summary>Every node of the ring.</summary>
    public ImmutableHashSet<UniqueAddress> Nodes { get; }

    /// <summary>Nodes currently seen as unreachable.</summary>
    public ImmutableHashSet<UniqueAddress> Unreachable { get; }

    /// <summary>How many nodes monitor each node.</summary>
    public int MonitoredByNumberOfNodes { get; }

    /// <summary>The nodes in ring order.</summary>
    public ImmutableList<UniqueAddress> NodeRing => _ring.Value;

    /// <summary>The nodes this node sends heartbeats to.</summary>
    public ImmutableHashSet<UniqueAddress> MyReceivers => _myReceivers.Value;

    /// <summary>
    /// The nodes <paramref name="sender"/> sends heartbeats to: all others when the ring is small; otherwise, walking
    /// the ring from <paramref name="sender"/>, the first <see cref="MonitoredByNumberOfNodes"/> reachable nodes and
    /// the unreachable ones met before that count is reached. The unreachable ones stay monitored so the leader can
    /// still see them come back or remove them when many nodes stop at once.
    /// </summary>
    /// <param name="sender">A node of the ring.</param>
    /// <returns>Its receivers.</returns>
    public ImmutableHashSet<UniqueAddress> Receivers(UniqueAddress sender)
    {
        var ring = _ring.Value;
        if (MonitoredByNumberOfNodes >= ring.Count - 1)
        {
            return Nodes.Remove(sender);
        }

        var start = ring.IndexOf(sender);
        var receivers = ImmutableHashSet.CreateBuilder<UniqueAddress>();
        var reachablePicked = 0;
        for (var step = 1; step < ring.Count && reachablePicked < MonitoredByNumberOfNodes; step++)
        {
            var node = ring[(start + step + ring.Count) % ring.Count];
            if (!Unreachable.Contains(node))
            {
                receivers.Add(node);
                reachablePicked++;
            }
            else if (receivers.Count < MonitoredByNumberOfNodes)
            {
                receivers.Add(node);
            }
        }

        return receivers.ToImmutable();
    }

    /// <summary>This ring with <paramref name="node"/> added.</summary>
    /// <param name="node">The node.</param>
    public HeartbeatNodeRing Add(UniqueAddress node) => Nodes.Contains(node) ? this : Copy(nodes: Nodes.Add(node));

    /// <summary>This ring without <paramref name="node"/> (also out of the unreachable set).</summary>
    /// <param name="node">The node.</param>
    /// <exception cref="ArgumentException"><paramref name="node"/> is this node.</exception>
    public HeartbeatNodeRing Remove(UniqueAddress node) => Nodes.Contains(node) || Unreachable.Contains(node)
        ? Copy(nodes: Nodes.Remove(node), unreachable: Unreachable.Remove(node))
        : this;

    /// <summary>This ring with other nodes, unreachable set or monitor count.</summary>
    /// <param name="nodes">New nodes, or <see langword="null"/> to keep them.</param>
    /// <param name="unreachable">New unreachable set, or <see langword="null"/> to keep it.</param>
    /// <param name="monitoredByNumberOfNodes">New monitor count, or <see langword="null"/> to keep it.</param>
    public HeartbeatNodeRing Copy(ImmutableHashSet<UniqueAddress>? nodes = null, ImmutableHashSet<UniqueAddress>? unreachable = null,
        int? monitoredByNumberOfNodes = null) =>
        new(SelfAddress, nodes ?? Nodes, unreachable ?? Unreachable, monitoredByNumberOfNodes ?? MonitoredByNumberOfNodes);

    /// <summary>FNV-1a over the UTF-8 of the unique address, then a 64-bit finalizer: the same on every node and run.</summary>
    private static ulong StableHash(UniqueAddress node)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(node.ToString()))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }
}
