using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class SplitBrainResolverStateTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DownAllWhenUnstable = TimeSpan.FromSeconds(15);

    private static SplitBrainResolverState Responsible(int nodes = 5, TimeSpan? downAll = null)
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, downAll ?? DownAllWhenUnstable, T0)
            .Apply(new ClusterEvent.LeaderChanged(Node(1).Address), T0);
        for (var i = 1; i <= nodes; i++)
        {
            state = state.Apply(new ClusterEvent.MemberUp(Up(i)), T0);
        }

        return state;
    }

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Create_Initially_WaitsStableAfterAndIsNotResponsible()
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, DownAllWhenUnstable, T0);
        Assert.Equal(T0 + StableAfter, state.StableDeadline);
        Assert.False(state.IsResponsible);
        Assert.True(state.ReachabilityChangedStats.IsEmpty);
    }

    [Fact]
    public void Apply_LeaderAndSelfUp_MakesResponsible()
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, DownAllWhenUnstable, T0);
        state = state.Apply(new ClusterEvent.LeaderChanged(Node(1).Address), T0);
        Assert.True(state.IsLeader);
        Assert.False(state.IsResponsible);
        state = state.Apply(new ClusterEvent.MemberWeaklyUp(WithStatus(1, MemberStatus.WeaklyUp)), T0);
        Assert.True(state.IsResponsible);
        Assert.False(state.Apply(new ClusterEvent.LeaderChanged(Node(2).Address), T0).IsResponsible);
        Assert.False(state.Apply(new ClusterEvent.LeaderChanged(null), T0).IsLeader);
    }

    [Fact]
    public void Tick_UnreachableBeforeStableAfter_DecidesNothing()
    {
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(5)), At(1));
        Assert.Equal(At(1) + StableAfter, state.StableDeadline);
        Assert.Null(state.Tick(At(20.9)).Decision);
    }

    [Fact]
    public void Tick_UnreachableStableForStableAfter_DownsUnreachable()
    {
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(5)), At(1));
        var result = state.Tick(At(21));
        Assert.NotNull(result.Decision);
        Assert.Equal(DowningDecision.DownUnreachable, result.Decision.Decision);
        Assert.Equal([Node(5)], result.Decision.NodesToDown);
        Assert.False(result.Decision.DownsSelf);
        Assert.False(result.Decision.DueToInstability);
        Assert.Equal(At(21) + StableAfter, result.State.StableDeadline);
        Assert.True(result.State.ReachabilityChangedStats.IsEmpty);
    }

    [Fact]
    public void Tick_Minority_DownsReachableWithSelfLast()
    {
        var state = Responsible()
            .Apply(new ClusterEvent.UnreachableMember(Up(3)), At(0))
            .Apply(new ClusterEvent.UnreachableMember(Up(4)), At(0))
            .Apply(new ClusterEvent.UnreachableMember(Up(5)), At(0))
            .Apply(new ClusterEvent.MemberJoined(Joining(0)), At(0));
        var decision = state.Tick(At(30)).Decision!;
        Assert.Equal(DowningDecision.DownReachable, decision.Decision);
        Assert.Equal([Node(0), Node(2), Node(1)], decision.NodesToDown);
        Assert.True(decision.DownsSelf);
    }

    [Fact]
    public void Apply_ReachabilityChange_ResetsStableDeadline()
    {
        var state = Responsible()
            .Apply(new ClusterEvent.UnreachableMember(Up(5)), At(0))
            .Apply(new ClusterEvent.UnreachableMember(Up(4)), At(15));
        Assert.Null(state.Tick(At(25)).Decision);
        Assert.NotNull(state.Tick(At(35)).Decision);
        Assert.Equal(2, state.ReachabilityChangedStats.ChangeCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Apply_MemberUpOrExited_ResetsStableDeadlineButJoinedAndLeftDoNot(bool resetting)
    {
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(5)), At(0));
        state = resetting
            ? state.Apply(new ClusterEvent.MemberUp(Up(6)), At(10)).Apply(new ClusterEvent.MemberExited(WithStatus(2, MemberStatus.Exiting)), At(10))
            : state.Apply(new ClusterEvent.MemberJoined(Joining(6)), At(10)).Apply(new ClusterEvent.MemberLeft(WithStatus(2, MemberStatus.Leaving)), At(10));
        Assert.Equal(resetting ? At(30) : At(20), state.StableDeadline);
    }

    [Fact]
    public void Tick_NotResponsible_NeverDecides()
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, TimeSpan.Zero, T0)
            .Apply(new ClusterEvent.MemberUp(Up(1)), T0)
            .Apply(new ClusterEvent.MemberUp(Up(2)), T0)
            .Apply(new ClusterEvent.UnreachableMember(Up(2)), T0);
        Assert.Null(state.Tick(At(1000)).Decision);
    }

    [Fact]
    public void Tick_NothingUnreachable_DecidesNothing() => Assert.Null(Responsible().Tick(At(1000)).Decision);

    [Fact]
    public void Tick_FlappingReachability_DownsAllAfterStableAfterPlusDownAllWhenUnstable()
    {
        // Node 4 stays unreachable while node 5 flaps every 5 s: each change resets the stable deadline, so only the
        // instability rule can decide, once more than 20 s + 15 s passed since the first change.
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(4)), At(0));
        SplitBrainDecision? decision = null;
        var decidedAt = 0.0;
        for (var now = 0; now <= 60 && decision is null; now += 5)
        {
            state = now / 5 % 2 == 0
                ? state.Apply(new ClusterEvent.UnreachableMember(Up(5)), At(now))
                : state.Apply(new ClusterEvent.ReachableMember(Up(5)), At(now));
            var result = state.Tick(At(now + 1));
            (state, decision, decidedAt) = (result.State, result.Decision, now + 1);
        }

        Assert.NotNull(decision);
        Assert.Equal(36, decidedAt);
        Assert.True(decision.DueToInstability);
        Assert.Equal(DowningDecision.DownAll, decision.Decision);
        Assert.Equal(5, decision.NodesToDown.Count);
        Assert.Equal(Node(1), decision.NodesToDown[^1]);
        Assert.True(state.ReachabilityChangedStats.IsEmpty);
    }

    [Fact]
    public void Tick_Unstable_DownsAllEvenWhenNotLeader()
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, DownAllWhenUnstable, T0)
            .Apply(new ClusterEvent.MemberUp(Up(1)), T0)
            .Apply(new ClusterEvent.MemberUp(Up(2)), T0)
            .Apply(new ClusterEvent.MemberUp(Up(3)), T0)
            .Apply(new ClusterEvent.UnreachableMember(Up(3)), At(0))
            .Apply(new ClusterEvent.UnreachableMember(Up(2)), At(10))
            .Apply(new ClusterEvent.ReachableMember(Up(2)), At(20));
        Assert.Null(state.Tick(At(35)).Decision);
        var decision = state.Tick(At(35.5)).Decision;
        Assert.NotNull(decision);
        Assert.Equal(DowningDecision.DownAll, decision.Decision);
    }

    [Fact]
    public void Tick_DownAllWhenUnstableOff_ResetsStatsAfterTwiceStableAfterWithoutChange()
    {
        var state = SplitBrainResolverState.Create(Node(1), new KeepMajority(), StableAfter, TimeSpan.Zero, T0)
            .Apply(new ClusterEvent.MemberUp(Up(1)), T0)
            .Apply(new ClusterEvent.MemberUp(Up(2)), T0)
            .Apply(new ClusterEvent.UnreachableMember(Up(2)), At(0));
        Assert.False(state.Tick(At(40)).State.ReachabilityChangedStats.IsEmpty);
        var after = state.Tick(At(40.5));
        Assert.Null(after.Decision);
        Assert.True(after.State.ReachabilityChangedStats.IsEmpty);
    }

    [Fact]
    public void Apply_AllUnreachableDowned_ResetsInstabilityStats()
    {
        var state = Responsible()
            .Apply(new ClusterEvent.UnreachableMember(Up(5)), At(0))
            .Apply(new ClusterEvent.MemberDowned(WithStatus(5, MemberStatus.Down)), At(5));
        Assert.True(state.ReachabilityChangedStats.IsEmpty);
        Assert.Contains(Node(5), state.View.Unreachable);
        state = state.Apply(new ClusterEvent.MemberRemoved(LithairAkka.Cluster.Member.Removed(Node(5)), MemberStatus.Down), At(6));
        Assert.Empty(state.View.Unreachable);
        Assert.Null(state.Tick(At(100)).Decision);
    }

    [Fact]
    public void Apply_AllHealed_ResetsInstabilityStats()
    {
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(5)), At(0)).Apply(new ClusterEvent.ReachableMember(Up(5)), At(3));
        Assert.True(state.ReachabilityChangedStats.IsEmpty);
        Assert.Empty(state.View.Unreachable);
    }

    [Fact]
    public void Apply_SelfEvents_AreHandledSpecially()
    {
        var state = Responsible().Apply(new ClusterEvent.UnreachableMember(Up(1)), At(1));
        Assert.Empty(state.View.Unreachable);
        Assert.Equal(T0 + StableAfter, state.StableDeadline);
        Assert.True(state.Apply(new ClusterEvent.MemberRemoved(LithairAkka.Cluster.Member.Removed(Node(1)), MemberStatus.Down), At(2)).IsSelfRemoved);
    }

    [Fact]
    public void Apply_SeenAndReachabilityChanged_UpdateView()
    {
        var reachability = Reachability.Empty.Unreachable(Node(1), Node(2));
        var state = Responsible()
            .Apply(new ClusterEvent.ReachabilityChanged(reachability), At(1))
            .Apply(new ClusterEvent.SeenChanged(false, [Node(1).Address]), At(1));
        Assert.Single(state.View.Reachability.Records);
        Assert.Equal([Node(1).Address], state.View.SeenBy);
        Assert.Same(state, state.Apply(new ClusterEvent.RoleLeaderChanged("x", null), At(1)));
    }

    [Fact]
    public void Create_FromDefaultSettings_UsesKeepMajorityAndFifteenSeconds()
    {
        var state = SplitBrainResolverState.Create(Node(1), new SplitBrainResolverSettings(), T0);
        Assert.IsType<KeepMajority>(state.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(15), state.DownAllWhenUnstable);
        Assert.Equal(TimeSpan.FromSeconds(20), state.StableAfter);
    }

    [Fact]
    public void Tick_RandomEventSequences_NeverDecidesBeforeStableDeadlineUnlessUnstable() => Property.ForAll(500, random =>
    {
        var state = Responsible(nodes: 6);
        var now = T0;
        for (var step = 0; step < 60; step++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, 4000));
            var node = random.Next(2, 7);
            ClusterEvent.IClusterDomainEvent evt = random.Next(4) switch
            {
                0 => new ClusterEvent.UnreachableMember(Up(node)),
                1 => new ClusterEvent.ReachableMember(Up(node)),
                2 => new ClusterEvent.MemberUp(Up(node)),
                _ => new ClusterEvent.MemberJoined(Joining(node + 10)),
            };
            state = state.Apply(evt, now);
            var before = state;
            var result = state.Tick(now);
            if (result.Decision is { DueToInstability: false })
            {
                Assert.True(now >= before.StableDeadline);
                Assert.NotEmpty(before.View.Unreachable);
            }
            else if (result.Decision is { DueToInstability: true })
            {
                Assert.True(now - before.ReachabilityChangedStats.FirstChange > StableAfter + DownAllWhenUnstable);
            }

            state = result.State;
        }
    });
}
