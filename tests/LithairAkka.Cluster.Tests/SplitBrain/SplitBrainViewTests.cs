using static LithairAkka.Cluster.Tests.KeepMajorityTests;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class SplitBrainViewTests
{
    [Fact]
    public void FromGossip_Gossip_CollectsUnreachableDownAndSeen()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3), WithStatus(4, MemberStatus.Down))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)).Unreachable(Node(3), Node(1)).Unreachable(Node(2), Node(1)).Reachable(Node(2), Node(1)))
            .Seen(Node(2));
        var view = SplitBrainView.FromGossip(gossip, Node(1));
        Assert.Equal(4, view.AllMembers.Count);
        Assert.Equal(Set(3, 4), view.Unreachable);
        Assert.All(view.Reachability.Records, r => Assert.NotEqual(ReachabilityStatus.Reachable, r.Status));
        Assert.Equal([Node(2).Address], view.SeenBy);
    }

    [Fact]
    public void AddReachableAndUnreachable_Member_UpdatesSets()
    {
        var view = SplitBrainView.Empty.AddUnreachable(Up(1)).Add(Up(2));
        Assert.True(view.IsUnreachable(Up(1)));
        view = view.AddReachable(WithStatus(1, MemberStatus.Leaving));
        Assert.False(view.IsUnreachable(Up(1)));
        Assert.Equal(MemberStatus.Leaving, view.AllMembers.First().Status);
        Assert.Equal(2, view.AllMembers.Count);
        Assert.Single(view.Remove(Up(1)).AllMembers);
    }

    [Fact]
    public void IsAllUnreachableDownOrExiting_Statuses_OnlyUpOrLeavingCount()
    {
        Assert.True(SplitBrainView.Empty.IsAllUnreachableDownOrExiting);
        Assert.True(View([Up(1), WithStatus(2, MemberStatus.Down), WithStatus(3, MemberStatus.Exiting)], 2, 3).IsAllUnreachableDownOrExiting);
        Assert.False(View([Up(1), Up(2)], 2).IsAllUnreachableDownOrExiting);
        Assert.False(View([Up(1), WithStatus(2, MemberStatus.Leaving)], 2).IsAllUnreachableDownOrExiting);
    }

    [Fact]
    public void IndirectlyConnected_CleanPartition_IsEmpty()
    {
        var view = View([Up(1), Up(2), Up(3), Up(4)], 3, 4)
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)).Unreachable(Node(2), Node(4)))
            .WithSeenBy([Node(1).Address, Node(2).Address]);
        Assert.False(view.HasIndirectlyConnected);
        Assert.Equal(Set(3, 4), view.UnreachableButNotIndirectlyConnected);
    }

    [Fact]
    public void IndirectlyConnected_ObserverAlsoObserved_IsDetected()
    {
        var view = View([Up(1), Up(2), Up(3)], 2, 3)
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)).Unreachable(Node(2), Node(3)));
        Assert.Equal(Set(2), view.IndirectlyConnected);
        Assert.Equal(Set(3), view.UnreachableButNotIndirectlyConnected);
    }

    [Fact]
    public void WithReachability_ReachableRecords_AreDropped()
    {
        var reachability = Reachability.Empty.Unreachable(Node(1), Node(2)).Unreachable(Node(1), Node(3)).Reachable(Node(1), Node(3));
        var view = SplitBrainView.Empty.WithReachability(reachability);
        Assert.Single(view.Reachability.Records);
    }
}
