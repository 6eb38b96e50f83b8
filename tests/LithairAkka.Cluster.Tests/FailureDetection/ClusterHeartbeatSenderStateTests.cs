using System.Collections.Immutable;
using LithairAkka.Actors;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterHeartbeatSenderStateTests
{
    private readonly DefaultFailureDetectorRegistry<Address> _registry;

    public ClusterHeartbeatSenderStateTests()
    {
        _registry = new DefaultFailureDetectorRegistry<Address>(() => new StubFailureDetector());
    }

    private ClusterHeartbeatSenderState Empty(int monitoredBy = 3) => ClusterHeartbeatSenderState.Create(Node(0), monitoredBy, _registry);

    private void MarkUnavailable(UniqueAddress node)
    {
        _registry.Heartbeat(node.Address);
        ((StubFailureDetector)_registry.Find(node.Address)!).IsAvailable = false;
    }

    [Fact]
    public void ActiveReceivers_Alone_IsEmpty() => Assert.Empty(Empty().ActiveReceivers);

    [Fact]
    public void AddMember_Nodes_BecomeReceivers()
    {
        var state = Empty().AddMember(Node(1)).AddMember(Node(2));
        Assert.Equal(Set(1, 2), state.ActiveReceivers);
        Assert.True(state.Contains(Node(1)));
    }

    [Fact]
    public void Init_Nodes_AreReceivers() => Assert.Equal(Set(1, 2), Empty().Init(Set(1, 2), []).ActiveReceivers);

    [Fact]
    public void RemoveMember_Node_IsNoLongerReceiverAndDetectorDropped()
    {
        var state = Empty().AddMember(Node(1)).AddMember(Node(2)).HeartbeatRsp(Node(2));
        Assert.True(_registry.IsMonitoring(Node(2).Address));
        state = state.RemoveMember(Node(2));
        Assert.Equal(Set(1), state.ActiveReceivers);
        Assert.False(_registry.IsMonitoring(Node(2).Address));
    }

    [Fact]
    public void ActiveReceivers_ManyNodes_AreLimitedToMonitorCount()
    {
        var state = Empty(3).Init(Set(1, 2, 3, 4, 5, 6, 7), []);
        Assert.Equal(3, state.ActiveReceivers.Count);
    }

    [Fact]
    public void HeartbeatRsp_ActiveReceiver_FeedsDetector()
    {
        var state = Empty().AddMember(Node(1));
        state.HeartbeatRsp(Node(1));
        Assert.True(_registry.IsMonitoring(Node(1).Address));
    }

    [Fact]
    public void HeartbeatRsp_UnknownNode_IsIgnored()
    {
        var state = Empty().AddMember(Node(1));
        Assert.Same(state, state.HeartbeatRsp(Node(9)));
        Assert.False(_registry.IsMonitoring(Node(9).Address));
    }

    [Fact]
    public void UnreachableMember_DroppedFromRing_IsKeptAsOldReceiverUntilItAnswers()
    {
        var state = Empty(2).Init(Set(1, 2, 3, 4, 5), []);
        var ring = state.Ring.NodeRing;
        var receiver = ring[(ring.IndexOf(Node(0)) + 2) % ring.Count];
        Assert.Contains(receiver, state.Ring.MyReceivers);
        MarkUnavailable(receiver);

        // A newcomer placed between this node and its farthest receiver pushes that receiver out of the ring's choice.
        var newcomer = Enumerable.Range(6, 200).Select(i => Node(i)).First(n => !state.AddMember(n).Ring.MyReceivers.Contains(receiver));
        var after = state.AddMember(newcomer);
        Assert.Contains(receiver, after.OldReceiversNowUnreachable);
        Assert.Contains(receiver, after.ActiveReceivers);

        var back = after.HeartbeatRsp(receiver);
        Assert.DoesNotContain(receiver, back.OldReceiversNowUnreachable);
        Assert.DoesNotContain(receiver, back.ActiveReceivers);
        Assert.False(_registry.IsMonitoring(receiver.Address));
    }

    [Fact]
    public void UnreachableMember_Node_RingCompensatesWithAnotherReceiver()
    {
        var state = Empty(2).Init(Set(1, 2, 3, 4, 5), []);
        var receiver = state.Ring.MyReceivers.First();
        var after = state.UnreachableMember(receiver);
        Assert.Contains(receiver, after.ActiveReceivers);
        Assert.Equal(3, after.ActiveReceivers.Count);
        Assert.Equal(2, after.ReachableMember(receiver).ActiveReceivers.Count);
    }

    [Fact]
    public void ExpectedFirstHeartbeat_SilentReceiver_StartsDetection()
    {
        var state = Empty().AddMember(Node(1));
        Assert.Equal(Set(1), state.ReceiversAwaitingFirstResponse);
        Assert.True(state.ExpectedFirstHeartbeat(Node(1)));
        Assert.True(_registry.IsMonitoring(Node(1).Address));
        Assert.Empty(state.ReceiversAwaitingFirstResponse);
        Assert.False(state.ExpectedFirstHeartbeat(Node(1)));
        Assert.False(state.ExpectedFirstHeartbeat(Node(5)));
    }

    [Fact]
    public void RandomOperations_KeepInvariants() => Property.ForAll(30, random =>
    {
        var registry = new DefaultFailureDetectorRegistry<Address>(() => new StubFailureDetector());
        var nodes = Enumerable.Range(0, random.Next(5, 60)).Select(i => Node(i)).ToList();
        var self = random.Pick(nodes);
        var state = ClusterHeartbeatSenderState.Create(self, random.Next(1, 6), registry);
        for (var step = 0; step < 2000; step++)
        {
            var node = random.Pick(nodes);
            if (node.Equals(self))
            {
                continue;
            }

            switch (random.Next(4))
            {
                case 0 when !state.Contains(node):
                    var oldUnreachable = state.OldReceiversNowUnreachable;
                    state = state.AddMember(node);
                    Assert.Empty(oldUnreachable.Except(state.ActiveReceivers));
                    Assert.False(registry.IsMonitoring(node.Address));
                    break;
                case 1 when state.Contains(node):
                    var before = state.OldReceiversNowUnreachable;
                    state = state.RemoveMember(node);
                    Assert.Equal(before.Contains(node) ? [node] : ImmutableHashSet<UniqueAddress>.Empty, before.Except(state.ActiveReceivers));
                    Assert.False(registry.IsMonitoring(node.Address));
                    Assert.DoesNotContain(node, state.ActiveReceivers);
                    break;
                case 2 when state.ActiveReceivers.Contains(node):
                    registry.Heartbeat(node.Address);
                    ((StubFailureDetector)registry.Find(node.Address)!).IsAvailable = false;
                    state = state.UnreachableMember(node);
                    break;
                case 3 when state.Contains(node):
                    var wasOld = state.OldReceiversNowUnreachable.Contains(node);
                    var ringReceivers = state.Ring.MyReceivers;
                    state = state.HeartbeatRsp(node);
                    Assert.DoesNotContain(node, state.OldReceiversNowUnreachable);
                    if (wasOld && !ringReceivers.Contains(node))
                    {
                        Assert.False(registry.IsMonitoring(node.Address));
                    }

                    if (ringReceivers.Contains(node))
                    {
                        Assert.True(registry.IsMonitoring(node.Address));
                    }

                    Assert.Equal(ringReceivers, state.Ring.MyReceivers);
                    break;
            }

            Assert.Subset(state.ActiveReceivers, state.Ring.MyReceivers);
            Assert.DoesNotContain(self, state.ActiveReceivers);
        }
    });
}
