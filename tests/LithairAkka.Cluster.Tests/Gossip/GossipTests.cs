using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class GossipTests
{
    [Fact]
    public void Constructor_RemovedMember_Throws() =>
        Assert.Throws<ArgumentException>(() => Gossip(Up(1), LithairAkka.Cluster.Member.Removed(Node(2))));

    [Fact]
    public void Constructor_SeenByNonMember_Throws() =>
        Assert.Throws<ArgumentException>(() => new Gossip([Up(1)], new GossipOverview([Node(2)], Reachability.Empty)));

    [Fact]
    public void Constructor_ObserverNotMember_Throws() =>
        Assert.Throws<ArgumentException>(() => new Gossip([Up(1)], new GossipOverview([], Reachability.Empty.Unreachable(Node(2), Node(1)))));

    [Fact]
    public void Members_AnyInputOrder_AreSortedByAddress() =>
        Assert.Equal([Node(1), Node(2), Node(3)], Gossip(Up(3), Up(1), Up(2)).Members.Select(m => m.UniqueAddress));

    [Fact]
    public void AddMember_ExistingNode_ReturnsSameGossip()
    {
        var gossip = Gossip(Up(1));
        Assert.Same(gossip, gossip.AddMember(Joining(1)));
        Assert.Equal(2, gossip.AddMember(Joining(2)).Members.Count);
    }

    [Fact]
    public void Update_ChangedMember_ReplacesStatus()
    {
        var gossip = Gossip(Up(1), Joining(2)).Update([Joining(2).CopyUp(5)]);
        Assert.Equal(MemberStatus.Up, gossip.GetMember(Node(2)).Status);
        Assert.Equal(5, gossip.GetMember(Node(2)).UpNumber);
    }

    [Fact]
    public void Seen_Nodes_AreTrackedAndCleared()
    {
        var gossip = Gossip(Up(1), Up(2)).Seen(Node(1));
        Assert.True(gossip.SeenByNode(Node(1)));
        Assert.False(gossip.SeenByNode(Node(2)));
        Assert.Same(gossip, gossip.Seen(Node(1)));
        Assert.Equal([Node(2)], gossip.Seen(Node(2)).OnlySeen(Node(2)).SeenBy);
        Assert.Empty(gossip.ClearSeen().SeenBy);
    }

    [Fact]
    public void MergeSeen_TwoGossips_UnionsSeenSets()
    {
        var gossip = Gossip(Up(1), Up(2));
        Assert.Equal(2, gossip.Seen(Node(1)).MergeSeen(gossip.Seen(Node(2))).SeenBy.Count);
    }

    [Fact]
    public void Merge_DifferentStatuses_PicksMostAdvancedAndClearsSeen()
    {
        var g1 = Gossip(Up(1), Joining(2), Up(3)).Seen(Node(1));
        var g2 = Gossip(Up(1), Joining(2).CopyUp(4), WithStatus(3, MemberStatus.Leaving)).Seen(Node(2));
        var merged = g1.Merge(g2);
        Assert.Equal(MemberStatus.Up, merged.GetMember(Node(2)).Status);
        Assert.Equal(MemberStatus.Leaving, merged.GetMember(Node(3)).Status);
        Assert.Empty(merged.SeenBy);
    }

    [Fact]
    public void Merge_VectorClocks_AreMerged()
    {
        var g1 = Gossip(Up(1), Up(2)).Increment(Node(1));
        var g2 = Gossip(Up(1), Up(2)).Increment(Node(2));
        var merged = g1.Merge(g2);
        Assert.True(merged.Version.IsAfter(g1.Version));
        Assert.True(merged.Version.IsAfter(g2.Version));
    }

    [Fact]
    public void Merge_NodeRemovedOnOneSide_StaysRemovedAndIsPrunedFromClock()
    {
        var baseGossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Down)).Increment(Node(3));
        var removed = baseGossip.Remove(Node(3), 500).Increment(Node(1));
        var other = baseGossip.Increment(Node(2));
        var merged = other.Merge(removed);
        Assert.False(merged.HasMember(Node(3)));
        Assert.Equal(500, merged.Tombstones[Node(3)]);
        Assert.False(merged.Version.Versions.ContainsKey(Gossip.VectorClockName(Node(3))));
    }

    [Fact]
    public void Merge_UpOnOneSideTombstonedOnOther_StaysRemoved()
    {
        var removed = Gossip(Up(1)).Remove(Node(1), 1).AddMember(Up(2));
        var stale = Gossip(Up(1), Up(2));
        Assert.False(stale.Merge(removed).HasMember(Node(1)));
        Assert.False(removed.Merge(stale).HasMember(Node(1)));
    }

    [Fact]
    public void Merge_Reachability_IsMergedOverMergedMembers()
    {
        var g1 = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)));
        var g2 = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)));
        var merged = g1.Merge(g2);
        Assert.Equal([Node(1), Node(3)], merged.Overview.Reachability.AllUnreachable.Order());
    }

    [Fact]
    public void Remove_Node_ClearsSeenReachabilityAndClock()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Down))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)).Unreachable(Node(3), Node(2)))
            .Seen(Node(3))
            .Increment(Node(3));
        var removed = gossip.Remove(Node(3), 42);
        Assert.False(removed.HasMember(Node(3)));
        Assert.False(removed.SeenByNode(Node(3)));
        Assert.True(removed.Overview.Reachability.IsAllReachable);
        Assert.Empty(removed.Version.Versions);
        Assert.Equal(42, removed.Tombstones[Node(3)]);
    }

    [Fact]
    public void MarkAsDown_Member_BecomesDownAndUnseen()
    {
        var gossip = Gossip(Up(1), Up(2)).SeenByAll().MarkAsDown(Up(2));
        Assert.Equal(MemberStatus.Down, gossip.GetMember(Node(2)).Status);
        Assert.False(gossip.SeenByNode(Node(2)));
        Assert.True(gossip.SeenByNode(Node(1)));
    }

    [Fact]
    public void PruneTombstones_Older_AreDropped()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3)).Remove(Node(2), 100).Remove(Node(3), 200);
        var pruned = gossip.PruneTombstones(150);
        Assert.Equal([Node(3)], pruned.Tombstones.Keys);
        Assert.Same(pruned, pruned.PruneTombstones(150));
    }

    [Fact]
    public void GetMember_Unknown_ReturnsRemovedPlaceholder()
    {
        var gossip = Gossip(Up(1));
        Assert.Equal(MemberStatus.Removed, gossip.GetMember(Node(9)).Status);
        Assert.False(gossip.HasMember(Node(9)));
    }

    [Fact]
    public void YoungestMember_MixedStatuses_IsHighestUpNumber()
    {
        Assert.Equal(Node(3), Gossip(Up(1, 1), Up(2, 2), Up(3, 7), Joining(4)).YoungestMember.UniqueAddress);
        Assert.Throws<InvalidOperationException>(() => LithairAkka.Cluster.Gossip.Empty.YoungestMember);
    }

    [Fact]
    public void OldestMember_ByRole_IsLowestUpNumberUpOrLeaving()
    {
        var gossip = Gossip(Up(1, 5, "a"), Up(2, 3), Member(3, MemberStatus.Leaving, 4, "a"), Member(4, MemberStatus.Exiting, 1, "a"), Joining(5, "a"));
        Assert.Equal(Node(2), gossip.OldestMember()!.UniqueAddress);
        Assert.Equal(Node(3), gossip.OldestMember("a")!.UniqueAddress);
        Assert.Null(gossip.OldestMember("none"));
    }

    [Fact]
    public void AllRoles_Members_UnionOfRoles() =>
        Assert.Equal(["a", "b", "c"], Gossip(Up(1, 1, "a", "b"), Up(2, 2, "c")).AllRoles.Order(StringComparer.Ordinal));

    [Fact]
    public void IsReachable_FromObserver_UsesObserverRecordsAndMembership()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)));
        Assert.False(gossip.IsReachable(Node(1), Node(2)));
        Assert.True(gossip.IsReachable(Node(3), Node(2)));
        Assert.False(gossip.IsReachable(Node(1), Node(9)));
    }

    [Fact]
    public void ReachabilityExcludingDownedObservers_DownObserver_IsIgnored()
    {
        var gossip = Gossip(Up(1), WithStatus(2, MemberStatus.Down), Up(3))
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)).Unreachable(Node(3), Node(2)));
        var r = gossip.ReachabilityExcludingDownedObservers;
        Assert.True(r.IsReachable(Node(1)));
        Assert.False(r.IsReachable(Node(2)));
    }

    [Fact]
    public void VectorClockName_Node_IsAddressDashUid() =>
        Assert.Equal("akka.tcp://sys@127.0.0.1:2551-1001", LithairAkka.Cluster.Gossip.VectorClockName(Node(1)));

    private static ImmutableHashSet<UniqueAddress> Confirmed(params int[] nodes) => Set(nodes);
}
