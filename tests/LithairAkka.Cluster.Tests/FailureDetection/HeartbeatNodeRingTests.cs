using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class HeartbeatNodeRingTests
{
    private static readonly ImmutableHashSet<UniqueAddress> Six = Set(1, 2, 3, 4, 5, 6);

    [Fact]
    public void Receivers_MonitoredByThree_AreNextThreeInRing()
    {
        var ring = new HeartbeatNodeRing(Node(1), Six, [], 3);
        var order = ring.NodeRing;
        foreach (var node in Six)
        {
            var index = order.IndexOf(node);
            var expected = Enumerable.Range(1, 3).Select(step => order[(index + step) % order.Count]).ToHashSet();
            Assert.Equal(expected, ring.Receivers(node).ToHashSet());
        }
    }

    [Fact]
    public void Receivers_FewerNodesThanMonitorCount_AreAllOthers()
    {
        var ring = new HeartbeatNodeRing(Node(1), Set(1, 2, 3), [], 9);
        Assert.Equal(Set(2, 3), ring.MyReceivers);
        Assert.Equal(Set(1, 3), ring.Receivers(Node(2)));
    }

    [Fact]
    public void Receivers_SingleNode_IsEmpty() => Assert.Empty(new HeartbeatNodeRing(Node(1), Set(1), [], 5).MyReceivers);

    [Fact]
    public void Receivers_UnreachableOnTheWay_AreKeptAndCompensated()
    {
        var baseRing = new HeartbeatNodeRing(Node(1), Six, [], 2);
        var order = baseRing.NodeRing;
        var self = order[0];
        var unreachable = order[1];
        var ring = new HeartbeatNodeRing(self, Six, [unreachable], 2);
        Assert.Equal(new[] { order[1], order[2], order[3] }.ToHashSet(), ring.Receivers(self).ToHashSet());
    }

    [Fact]
    public void Receivers_UnreachableAfterEnoughPicked_AreSkipped()
    {
        var order = new HeartbeatNodeRing(Node(1), Six, [], 2).NodeRing;
        var self = order[0];
        var ring = new HeartbeatNodeRing(self, Six, [order[1], order[2], order[3]], 2);
        Assert.Equal(new[] { order[1], order[2], order[4], order[5] }.ToHashSet(), ring.Receivers(self).ToHashSet());
    }

    [Fact]
    public void NodeRing_SameNodes_IsSameOrderWhateverSelf()
    {
        var fromOne = new HeartbeatNodeRing(Node(1), Six, [], 3).NodeRing;
        var fromFour = new HeartbeatNodeRing(Node(4), Six, [], 3).NodeRing;
        Assert.Equal(fromOne, fromFour);
        Assert.NotEqual(Six.Order().ToList(), fromOne.ToList());
    }

    [Fact]
    public void Constructor_SelfNotInNodes_Throws() =>
        Assert.Throws<ArgumentException>(() => new HeartbeatNodeRing(Node(9), Six, [], 3));

    [Fact]
    public void AddAndRemove_Nodes_UpdateRing()
    {
        var ring = new HeartbeatNodeRing(Node(1), Set(1, 2), [Node(2)], 3);
        Assert.Same(ring, ring.Add(Node(2)));
        Assert.Equal(Set(1, 2, 3), ring.Add(Node(3)).Nodes);
        var removed = ring.Remove(Node(2));
        Assert.Equal(Set(1), removed.Nodes);
        Assert.Empty(removed.Unreachable);
        Assert.Same(ring, ring.Remove(Node(7)));
    }

    [Fact]
    public void Receivers_RandomRings_EveryNodeMonitoredByExactlyN() => Property.ForAll(300, random =>
    {
        var count = random.Next(2, 40);
        var monitoredBy = random.Next(1, 12);
        var nodes = Enumerable.Range(0, count).Select(i => Node(i, random.NextInt64())).ToImmutableHashSet();
        var ring = new HeartbeatNodeRing(nodes.First(), nodes, [], monitoredBy);
        var monitors = nodes.ToDictionary(n => n, _ => 0);
        foreach (var sender in nodes)
        {
            var receivers = ring.Receivers(sender);
            Assert.DoesNotContain(sender, receivers);
            Assert.Equal(Math.Min(monitoredBy, count - 1), receivers.Count);
            foreach (var receiver in receivers)
            {
                monitors[receiver]++;
            }
        }

        Assert.All(monitors.Values, c => Assert.Equal(Math.Min(monitoredBy, count - 1), c));
    });

    [Fact]
    public void Receivers_RandomUnreachable_PicksNReachableWhenAvailable() => Property.ForAll(300, random =>
    {
        var count = random.Next(3, 30);
        var monitoredBy = random.Next(1, 8);
        var nodes = Enumerable.Range(0, count).Select(i => Node(i)).ToImmutableHashSet();
        var unreachable = nodes.Where(_ => random.Chance(0.3)).ToImmutableHashSet();
        var self = nodes.First();
        var receivers = new HeartbeatNodeRing(self, nodes, unreachable.Remove(self), monitoredBy).MyReceivers;
        var reachableOthers = nodes.Count(n => !n.Equals(self) && !unreachable.Contains(n));
        if (monitoredBy < count - 1)
        {
            Assert.Equal(Math.Min(monitoredBy, reachableOthers), receivers.Count(r => !unreachable.Contains(r)));
        }
    });
}
