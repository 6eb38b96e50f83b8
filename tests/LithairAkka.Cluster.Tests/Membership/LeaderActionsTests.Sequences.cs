using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class LeaderActionsTests
{
    /// <summary>Runs leader ticks, spreading each new gossip to every member in between (full convergence).</summary>
    private static (Gossip Gossip, List<ClusterEvent.IClusterDomainEvent> Events) RunToQuiescence(Gossip gossip, LeaderActionsState? state = null)
    {
        var events = new List<ClusterEvent.IClusterDomainEvent>();
        var current = state ?? LeaderActionsState.Initial;
        for (var i = 0; i < 10; i++)
        {
            var result = Tick(gossip.SeenByAll(), state: current);
            current = result.State;
            events.AddRange(result.Events);
            if (!result.HasChanged)
            {
                return (result.Gossip, events);
            }

            gossip = result.Gossip;
        }

        throw new InvalidOperationException("Leader actions did not settle.");
    }

    [Fact]
    public void Sequence_JoinThenLeaveThenExitConfirmed_EndsRemoved()
    {
        var (gossip, events) = RunToQuiescence(Gossip(Joining(1), Joining(2), Joining(3), Joining(4), Joining(5)));
        Assert.All(gossip.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
        Assert.Equal(5, events.OfType<ClusterEvent.MemberUp>().Count());

        var leaving = gossip.Update([gossip.GetMember(Node(4)).Copy(MemberStatus.Leaving)]);
        (gossip, events) = RunToQuiescence(leaving);
        Assert.Equal(MemberStatus.Exiting, gossip.GetMember(Node(4)).Status);
        Assert.Single(events.OfType<ClusterEvent.MemberExited>());

        (gossip, events) = RunToQuiescence(gossip, LeaderActionsState.Initial.ConfirmExiting(Node(4)));
        Assert.False(gossip.HasMember(Node(4)));
        Assert.Equal(4, gossip.Members.Count);
        Assert.Equal(MemberStatus.Exiting, Assert.Single(events.OfType<ClusterEvent.MemberRemoved>()).PreviousStatus);
    }

    [Fact]
    public void Sequence_CrashThenDownThenUnreachable_EndsRemoved()
    {
        var (gossip, _) = RunToQuiescence(Gossip(Joining(1), Joining(2), Joining(3)));
        var crashed = gossip.WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)));
        Assert.False(Tick(crashed.SeenByAll()).HasChanged);

        var downed = crashed.MarkAsDown(crashed.GetMember(Node(3)));
        var result = Tick(downed.Seen(Node(1)).Seen(Node(2)));
        Assert.False(result.Gossip.HasMember(Node(3)));
        Assert.Contains(result.Events, e => e is ClusterEvent.MemberRemoved { PreviousStatus: MemberStatus.Down });
        Assert.True(result.Gossip.Overview.Reachability.IsAllReachable);
    }

    [Fact]
    public void Sequence_LeaderLeaves_NextLowestTakesOver()
    {
        var (gossip, _) = RunToQuiescence(Gossip(Joining(1), Joining(2), Joining(3)));
        var leaving = gossip.Update([gossip.GetMember(Node(1)).Copy(MemberStatus.Leaving)]);
        var (exiting, _) = RunToQuiescence(leaving);
        Assert.Equal(MemberStatus.Exiting, exiting.GetMember(Node(1)).Status);
        Assert.Equal(Node(2), exiting.Leader(Node(1)));
        Assert.False(Tick(exiting.SeenByAll()).IsLeader);
        var result = LeaderActions.Compute(exiting.SeenByAll(), Node(2), Settings, LeaderActionsState.Initial.ConfirmExiting(Node(1)), Now);
        Assert.True(result.IsLeader);
        Assert.False(result.Gossip.HasMember(Node(1)));
    }

    [Fact]
    public void Sequence_UnreachableBlocksConvergence_JoiningBecomesWeaklyUpAfterSevenTicksThenUp()
    {
        var gossip = Gossip(Up(1, 1), Up(2, 2), Joining(3))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)))
            .SeenByAll();
        var state = LeaderActionsState.Initial;
        for (var tick = 1; tick < 7; tick++)
        {
            var waiting = Tick(gossip, state: state);
            Assert.False(waiting.HasChanged);
            state = waiting.State;
        }

        var result = Tick(gossip, state: state);
        Assert.Equal(MemberStatus.WeaklyUp, result.Gossip.GetMember(Node(3)).Status);
        Assert.Single(result.Events.OfType<ClusterEvent.MemberWeaklyUp>());

        var healed = result.Gossip.WithReachability(result.Gossip.Overview.Reachability.Reachable(Node(1), Node(2))).SeenByAll();
        var up = Tick(healed, state: result.State);
        Assert.Equal(MemberStatus.Up, up.Gossip.GetMember(Node(3)).Status);
        Assert.Equal(3, up.Gossip.GetMember(Node(3)).UpNumber);
        Assert.Equal(0, up.State.TicksWithoutConvergence);
    }

    [Fact]
    public void Sequence_WeaklyUpOff_JoiningWaitsForConvergence()
    {
        var settings = Settings with { WeaklyUpAfter = TimeSpan.Zero };
        var gossip = Gossip(Up(1, 1), Up(2, 2), Joining(3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2))).SeenByAll();
        var state = LeaderActionsState.Initial;
        for (var tick = 0; tick < 20; tick++)
        {
            var result = Tick(gossip, settings, state);
            Assert.False(result.HasChanged);
            state = result.State;
        }
    }

    [Fact]
    public void Sequence_UnreachableJoining_IsNotMovedToWeaklyUp()
    {
        var gossip = Gossip(Up(1, 1), Up(2, 2), Joining(3), Joining(4))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)).Unreachable(Node(1), Node(4)))
            .SeenByAll();
        var state = LeaderActionsState.Initial with { TicksWithoutConvergence = 10 };
        var result = Tick(gossip, state: state);
        Assert.Equal(MemberStatus.WeaklyUp, result.Gossip.GetMember(Node(3)).Status);
        Assert.Equal(MemberStatus.Joining, result.Gossip.GetMember(Node(4)).Status);
    }
}
