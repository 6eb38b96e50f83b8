using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterEventDiffTests
{
    private static readonly UniqueAddress Self = Node(1);
    private static readonly IComparer<Actors.Address> AddressComparer = LithairAkka.Cluster.Member.AddressOrdering;

    [Fact]
    public void Diff_SameInstance_IsEmpty()
    {
        var gossip = Gossip(Up(1));
        Assert.Empty(ClusterEventDiff.Diff(gossip, gossip, Self));
    }

    [Fact]
    public void DiffMemberEvents_NewMembers_PublishesByStatus()
    {
        var events = ClusterEventDiff.DiffMemberEvents(Gossip(Up(1)),
            Gossip(Up(1), Joining(2), WithStatus(3, MemberStatus.WeaklyUp), Up(4), WithStatus(5, MemberStatus.Leaving),
                WithStatus(6, MemberStatus.Exiting), WithStatus(7, MemberStatus.Down)));
        Assert.Collection(events,
            e => Assert.IsType<ClusterEvent.MemberJoined>(e),
            e => Assert.IsType<ClusterEvent.MemberWeaklyUp>(e),
            e => Assert.IsType<ClusterEvent.MemberUp>(e),
            e => Assert.IsType<ClusterEvent.MemberLeft>(e),
            e => Assert.IsType<ClusterEvent.MemberExited>(e),
            e => Assert.IsType<ClusterEvent.MemberDowned>(e));
    }

    [Fact]
    public void DiffMemberEvents_StatusChange_PublishesNewStatus()
    {
        var events = ClusterEventDiff.DiffMemberEvents(Gossip(Up(1), Joining(2), Up(3)), Gossip(Up(1), Up(2, 2), WithStatus(3, MemberStatus.Leaving)));
        Assert.Equal([Node(2), Node(3)], events.Select(e => e.Member.UniqueAddress));
        Assert.IsType<ClusterEvent.MemberUp>(events[0]);
        Assert.IsType<ClusterEvent.MemberLeft>(events[1]);
    }

    [Fact]
    public void DiffMemberEvents_UpNumberChangeOnly_PublishesUpAgain()
    {
        var events = ClusterEventDiff.DiffMemberEvents(Gossip(Up(1, 5)), Gossip(Up(1, 3)));
        Assert.IsType<ClusterEvent.MemberUp>(Assert.Single(events));
    }

    [Fact]
    public void DiffMemberEvents_RemovedMembers_PublishesRemovedWithPreviousStatusFirst()
    {
        var events = ClusterEventDiff.DiffMemberEvents(Gossip(Up(1), WithStatus(2, MemberStatus.Exiting), WithStatus(3, MemberStatus.Down)),
            Gossip(Up(1), Joining(4)));
        Assert.Equal(3, events.Count);
        var removed = events.Take(2).Cast<ClusterEvent.MemberRemoved>().ToList();
        Assert.Equal([MemberStatus.Exiting, MemberStatus.Down], removed.Select(r => r.PreviousStatus));
        Assert.All(removed, r => Assert.Equal(MemberStatus.Removed, r.Member.Status));
        Assert.IsType<ClusterEvent.MemberJoined>(events[2]);
    }

    [Fact]
    public void DiffUnreachable_NewlyUnreachable_PublishedExceptSelf()
    {
        var old = Gossip(Up(1), Up(2), Up(3));
        var @new = old.WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(1)));
        var events = ClusterEventDiff.DiffUnreachable(old, @new, Self);
        Assert.Equal([Node(3)], events.Select(e => e.Member.UniqueAddress));
        Assert.Empty(ClusterEventDiff.DiffUnreachable(@new, @new.Copy(), Self));
    }

    [Fact]
    public void DiffReachable_Healed_PublishedExceptSelfAndRemoved()
    {
        var unreachable = Gossip(Up(1), Up(2), Up(3))
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(1)).Unreachable(Node(1), Node(2)));
        var healed = unreachable.WithReachability(Reachability.Empty);
        var events = ClusterEventDiff.DiffReachable(unreachable, healed, Self);
        Assert.Equal([Node(2), Node(3)], events.Select(e => e.Member.UniqueAddress));
        var removed = unreachable.Remove(Node(3), 1).WithReachability(Reachability.Empty);
        Assert.Equal([Node(2)], ClusterEventDiff.DiffReachable(unreachable, removed, Self).Select(e => e.Member.UniqueAddress));
    }

    [Fact]
    public void DiffReachable_TerminatedNode_IsNeverReachableAgain()
    {
        var terminated = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Terminated(Node(1), Node(2)));
        Assert.Empty(ClusterEventDiff.DiffReachable(terminated, terminated.Copy(), Self));
    }

    [Fact]
    public void DiffLeader_LeaderChanges_PublishesNewLeader()
    {
        var old = Gossip(Up(1), Up(2));
        var @new = Gossip(WithStatus(1, MemberStatus.Exiting), Up(2));
        Assert.Equal(Node(2).Address, Assert.Single(ClusterEventDiff.DiffLeader(old, @new, Self)).Leader);
        Assert.Empty(ClusterEventDiff.DiffLeader(old, old.Copy(), Self));
        Assert.Null(Assert.Single(ClusterEventDiff.DiffLeader(old, LithairAkka.Cluster.Gossip.Empty, Self)).Leader);
    }

    [Fact]
    public void DiffRolesLeader_RoleLeaderChanges_PublishesPerRole()
    {
        var old = Gossip(Up(1, 1, "a"), Up(2, 2, "b"));
        var @new = Gossip(Up(1, 1, "a"), Up(2, 2, "b"), Up(0, 3, "b", "c"));
        var events = ClusterEventDiff.DiffRolesLeader(old, @new, Self);
        Assert.Equal([("b", Node(0).Address), ("c", Node(0).Address)], events.Select(e => (e.Role, e.Leader!)));
        var gone = ClusterEventDiff.DiffRolesLeader(old, Gossip(Up(1, 1, "a")), Self);
        Assert.Equal(new ClusterEvent.RoleLeaderChanged("b", null), Assert.Single(gone));
    }

    [Fact]
    public void DiffSeen_SeenSetChanges_PublishesSeenChanged()
    {
        var old = Gossip(Up(1), Up(2)).Seen(Node(1));
        var @new = old.Seen(Node(2));
        var seen = Assert.Single(ClusterEventDiff.DiffSeen(old, @new, Self));
        Assert.True(seen.Convergence);
        Assert.Equal([Node(1).Address, Node(2).Address], seen.SeenBy.Order(AddressComparer));
        Assert.Empty(ClusterEventDiff.DiffSeen(@new, @new.Copy(), Self));
    }

    [Fact]
    public void DiffReachability_TableChanges_PublishesTable()
    {
        var old = Gossip(Up(1), Up(2));
        var @new = old.WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)));
        Assert.Equal(@new.Overview.Reachability, Assert.Single(ClusterEventDiff.DiffReachability(old, @new)).Reachability);
        Assert.Empty(ClusterEventDiff.DiffReachability(old, old.Copy()));
    }

    [Fact]
    public void InitialStateAsEvents_CurrentGossip_ReplaysMembersLeaderAndUnreachable()
    {
        var gossip = Gossip(Up(1, 1, "a"), Joining(2), Up(3, 3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3))).SeenByAll();
        var events = ClusterEventDiff.InitialStateAsEvents(gossip, Self);
        Assert.Equal(3, events.OfType<ClusterEvent.IMemberEvent>().Count());
        Assert.Contains(events, e => e is ClusterEvent.UnreachableMember u && u.Member.UniqueAddress == Node(3));
        Assert.Contains(new ClusterEvent.LeaderChanged(Node(1).Address), events);
        Assert.Contains(new ClusterEvent.RoleLeaderChanged("a", Node(1).Address), events);
        Assert.Contains(events, e => e is ClusterEvent.ReachabilityChanged);
    }

    [Fact]
    public void CurrentState_Gossip_SnapshotsMembersUnreachableSeenAndLeaders()
    {
        var gossip = Gossip(Up(1, 1, "a"), Up(2, 2, "b"), Up(3, 3))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)).Unreachable(Node(3), Node(1)))
            .Seen(Node(2));
        var state = ClusterEventDiff.CurrentState(gossip, Self);
        Assert.Equal(3, state.Members.Count);
        Assert.Equal([Node(3)], state.Unreachable.Select(m => m.UniqueAddress));
        Assert.Equal([Node(2).Address], state.SeenBy);
        Assert.Equal(Node(1).Address, state.Leader);
        Assert.Equal(Node(1).Address, state.RoleLeader("a"));
        Assert.Equal(Node(2).Address, state.RoleLeader("b"));
        Assert.Equal(["a", "b"], state.AllRoles.Order(StringComparer.Ordinal));
        Assert.Null(state.RoleLeader("zzz"));
    }

    [Fact]
    public void Diff_AllParts_ArePublishedInAkkaOrder()
    {
        var old = Gossip(Up(1), Up(2), Joining(3));
        var @new = Gossip(Up(1), Up(2), Up(3, 3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2))).Seen(Node(1));
        var kinds = ClusterEventDiff.Diff(old, @new, Self).Select(e => e.GetType().Name).ToList();
        Assert.Equal(["MemberUp", "UnreachableMember", "SeenChanged", "ReachabilityChanged"], kinds);
    }
}
