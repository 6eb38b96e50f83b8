using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class LeaderActionsTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ClusterSettings Settings = ClusterSettings.Default;

    private static LeaderActionsResult Tick(Gossip gossip, ClusterSettings? settings = null, LeaderActionsState? state = null, int self = 1) =>
        LeaderActions.Compute(gossip, Node(self), settings ?? Settings, state ?? LeaderActionsState.Initial, Now);

    [Fact]
    public void Compute_FiveJoiningWithConvergence_MovesAllUpInAddressOrder()
    {
        var gossip = Gossip(Joining(5), Joining(3), Joining(1), Joining(4), Joining(2)).SeenByAll();
        var result = Tick(gossip);
        Assert.True(result.IsLeader);
        Assert.True(result.Convergence);
        Assert.True(result.HasChanged);
        Assert.All(result.Gossip.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
        Assert.Equal([1, 2, 3, 4, 5], result.Gossip.Members.Select(m => m.UpNumber));
        Assert.Equal(5, result.Events.OfType<ClusterEvent.MemberUp>().Count());
        Assert.Equal([Node(1)], result.Gossip.SeenBy);
        Assert.True(result.Gossip.Version.IsAfter(gossip.Version));
    }

    [Fact]
    public void Compute_NotLeader_ChangesNothing()
    {
        var gossip = Gossip(Joining(1), Joining(2)).SeenByAll();
        var result = Tick(gossip, self: 2);
        Assert.False(result.IsLeader);
        Assert.False(result.HasChanged);
        Assert.Same(gossip, result.Gossip);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Compute_WithoutConvergence_ChangesNothingAndCountsTicks()
    {
        var gossip = Gossip(Up(1), Up(2), Joining(3)).Seen(Node(1));
        var result = Tick(gossip);
        Assert.True(result.IsLeader);
        Assert.False(result.Convergence);
        Assert.Same(gossip, result.Gossip);
        Assert.Equal(1, result.State.TicksWithoutConvergence);
        Assert.Equal(2, Tick(gossip, state: result.State).State.TicksWithoutConvergence);
    }

    [Fact]
    public void Compute_MinNrOfMembersNotMet_KeepsJoining()
    {
        var settings = Settings with { MinNrOfMembers = 3 };
        var two = Gossip(Joining(1), Joining(2)).SeenByAll();
        Assert.False(Tick(two, settings).HasChanged);
        var three = two.AddMember(Joining(3)).SeenByAll();
        Assert.All(Tick(three, settings).Gossip.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
    }

    [Fact]
    public void Compute_RoleMinimumNotMet_KeepsJoining()
    {
        var settings = Settings with { MinNrOfMembersOfRole = ImmutableDictionary<string, int>.Empty.Add("storage", 2) };
        var gossip = Gossip(Joining(1, "storage"), Joining(2), Joining(3)).SeenByAll();
        Assert.False(Tick(gossip, settings).HasChanged);
        Assert.False(LeaderActions.IsMinNrOfMembersFulfilled(gossip, settings));
        var enough = gossip.AddMember(Joining(4, "storage")).SeenByAll();
        Assert.True(LeaderActions.IsMinNrOfMembersFulfilled(enough, settings));
        Assert.Equal(4, Tick(enough, settings).Gossip.Members.Count(m => m.Status == MemberStatus.Up));
    }

    [Fact]
    public void Compute_JoiningAfterUpMembers_ContinuesUpNumbers()
    {
        var gossip = Gossip(Up(1, 1), Up(2, 2), Up(3, 3), Joining(4), Joining(5)).SeenByAll();
        var result = Tick(gossip);
        Assert.Equal(4, result.Gossip.GetMember(Node(4)).UpNumber);
        Assert.Equal(5, result.Gossip.GetMember(Node(5)).UpNumber);
        Assert.True(result.Gossip.GetMember(Node(1)).IsOlderThan(result.Gossip.GetMember(Node(5))));
        Assert.Equal(2, result.ChangedMembers.Count);
    }

    [Fact]
    public void Compute_LeavingWithConvergence_MovesToExiting()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Leaving)).SeenByAll();
        var result = Tick(gossip);
        Assert.Equal(MemberStatus.Exiting, result.Gossip.GetMember(Node(3)).Status);
        Assert.Single(result.Events.OfType<ClusterEvent.MemberExited>());
        Assert.Equal([Node(3)], result.ExitingMembers.Select(m => m.UniqueAddress));
    }

    [Fact]
    public void Compute_ReachableExitingNotConfirmed_StaysExiting()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Exiting)).SeenByAll();
        Assert.False(Tick(gossip).HasChanged);
    }

    [Fact]
    public void Compute_ExitingConfirmed_RemovesMemberAndForgetsConfirmation()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Exiting)).SeenByAll();
        var result = Tick(gossip, state: LeaderActionsState.Initial.ConfirmExiting(Node(3)));
        Assert.False(result.Gossip.HasMember(Node(3)));
        Assert.Equal([Node(3)], result.RemovedNodes);
        Assert.Empty(result.State.ExitingConfirmed);
        var removed = Assert.Single(result.Events.OfType<ClusterEvent.MemberRemoved>());
        Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), result.Gossip.Tombstones[Node(3)]);
    }

    [Fact]
    public void Compute_UnreachableExiting_IsRemoved()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Exiting))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)))
            .Seen(Node(1)).Seen(Node(2));
        var result = Tick(gossip);
        Assert.False(result.Gossip.HasMember(Node(3)));
        Assert.True(result.Gossip.Overview.Reachability.IsAllReachable);
    }

    [Fact]
    public void Compute_UnreachableDown_IsRemoved()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Down))
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)))
            .Seen(Node(1)).Seen(Node(2));
        var result = Tick(gossip);
        Assert.False(result.Gossip.HasMember(Node(3)));
        Assert.Equal(MemberStatus.Down, Assert.Single(result.Events.OfType<ClusterEvent.MemberRemoved>()).PreviousStatus);
    }

    [Fact]
    public void Compute_ReachableDownNotSeen_StaysUntilItHasSeen()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Down)).Seen(Node(1)).Seen(Node(2));
        Assert.False(Tick(gossip).HasChanged);
        Assert.False(Tick(gossip.Seen(Node(3))).Gossip.HasMember(Node(3)));
    }

    [Fact]
    public void Compute_UnreachableUpMember_BlocksAllChanges()
    {
        var gossip = Gossip(Up(1), Up(2), Joining(3), WithStatus(4, MemberStatus.Leaving))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)))
            .SeenByAll();
        var result = Tick(gossip, Settings with { WeaklyUpAfter = TimeSpan.Zero });
        Assert.False(result.Convergence);
        Assert.False(result.HasChanged);
    }

    [Fact]
    public void Compute_TombstonesOlderThanPruneAfter_ArePruned()
    {
        var old = Now - TimeSpan.FromHours(25);
        var gossip = Gossip(Up(1), Up(2), Up(3)).Remove(Node(3), old.ToUnixTimeMilliseconds()).Remove(Node(2), Now.ToUnixTimeMilliseconds()).SeenByAll();
        var result = Tick(gossip);
        Assert.True(result.HasChanged);
        Assert.Equal([Node(2)], result.Gossip.Tombstones.Keys);
        Assert.Empty(result.Events.OfType<ClusterEvent.IMemberEvent>());
    }

    [Fact]
    public void Compute_ExitingConfirmedOfNonMember_IsCleanedUp()
    {
        var state = LeaderActionsState.Initial.ConfirmExiting(Node(9));
        Assert.Empty(Tick(Gossip(Up(1)).SeenByAll(), state: state).State.ExitingConfirmed);
        Assert.Empty(Tick(Gossip(Up(1), Up(2)).SeenByAll(), state: state, self: 2).State.ExitingConfirmed);
    }

    [Fact]
    public void GossipTargetsForExitingMembers_Roles_AreTwoOldestOverallAndPerRole()
    {
        var gossip = Gossip(Up(1, 1), Up(2, 2), Up(3, 3, "a"), Up(4, 4, "a"), Up(5, 5, "a"), Member(6, MemberStatus.Exiting, 6, "a"));
        var targets = LeaderActions.GossipTargetsForExitingMembers(gossip, [gossip.GetMember(Node(6))]);
        Assert.Equal([Node(1), Node(2), Node(3), Node(4)], targets.Select(m => m.UniqueAddress).Order());
        Assert.Empty(LeaderActions.GossipTargetsForExitingMembers(gossip, []));
    }
}
