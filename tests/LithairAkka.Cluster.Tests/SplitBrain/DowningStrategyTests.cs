using static LithairAkka.Cluster.Tests.KeepMajorityTests;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class DowningStrategyTests
{
    private static readonly Member[] Five = [Up(1), Up(2), Up(3), Up(4), Up(5)];

    [Theory]
    [InlineData(DowningDecision.DownUnreachable, new[] { 4, 5 })]
    [InlineData(DowningDecision.DownReachable, new[] { 1, 2, 3 })]
    [InlineData(DowningDecision.DownAll, new[] { 1, 2, 3, 4, 5 })]
    public void NodesToDown_Decision_SelectsSide(DowningDecision decision, int[] expected) =>
        Assert.Equal(Set(expected), new KeepMajority().NodesToDown(View(Five, 4, 5), decision));

    [Fact]
    public void NodesToDown_DownAndExitingMembers_AreNeverDownedAgain()
    {
        var view = View([Up(1), WithStatus(2, MemberStatus.Down), WithStatus(3, MemberStatus.Exiting), Joining(4), WithStatus(5, MemberStatus.WeaklyUp)],
            2, 3, 4);
        Assert.Equal(Set(4), new KeepMajority().NodesToDown(view, DowningDecision.DownUnreachable));
        Assert.Equal(Set(1, 5), new KeepMajority().NodesToDown(view, DowningDecision.DownReachable));
    }

    [Theory]
    [InlineData(DowningDecision.DownUnreachable, DowningDecision.DownReachable)]
    [InlineData(DowningDecision.DownReachable, DowningDecision.DownUnreachable)]
    [InlineData(DowningDecision.DownAll, DowningDecision.DownAll)]
    [InlineData(DowningDecision.DownIndirectlyConnected, DowningDecision.ReverseDownIndirectlyConnected)]
    [InlineData(DowningDecision.ReverseDownIndirectlyConnected, DowningDecision.DownIndirectlyConnected)]
    public void ReverseDecision_Decision_IsAkkasReverse(DowningDecision decision, DowningDecision reverse)
    {
        Assert.Equal(reverse, DowningStrategy.ReverseDecision(decision));
        Assert.Equal(decision is DowningDecision.DownIndirectlyConnected or DowningDecision.ReverseDownIndirectlyConnected,
            DowningStrategy.IsIndirectlyConnected(decision));
    }

    [Fact]
    public void NodesToDown_IndirectlyConnectedPlusCrash_DownsBothGroups()
    {
        // Nodes 2 and 3 see each other as unreachable (a cycle), node 5 crashed and is seen unreachable by node 1.
        var view = View(Five, 2, 3, 5)
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(2)).Unreachable(Node(1), Node(5)));
        Assert.Equal(Set(2, 3), view.IndirectlyConnected);
        var strategy = new KeepMajority();
        Assert.Equal(DowningDecision.DownIndirectlyConnected, strategy.Decide(view));
        Assert.Equal(Set(2, 3, 5), strategy.NodesToDown(view));
    }

    [Fact]
    public void NodesToDown_ReverseIndirectlyConnected_DownsIndirectAndReachable()
    {
        var view = View(Five, 2, 3).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(2)));
        Assert.Equal(Set(1, 2, 3, 4, 5), new KeepMajority().NodesToDown(view, DowningDecision.ReverseDownIndirectlyConnected));
    }

    [Fact]
    public void NodesToDown_UnreachableButSeenCurrentGossip_IsIndirectlyConnected()
    {
        var view = View(Five, 4)
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(4)))
            .WithSeenBy([Node(1).Address, Node(4).Address]);
        Assert.Equal(Set(1, 4), view.IndirectlyConnected);
        Assert.Equal(Set(1, 4), new KeepMajority().NodesToDown(view));
    }

    [Fact]
    public void NodesToDown_StillIndirectlyConnectedWithoutTheirObservations_Throws()
    {
        var strategy = new StillIndirect();
        var view = View(Five, 2, 3, 5)
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(2)).Unreachable(Node(1), Node(5)));
        Assert.Throws<InvalidOperationException>(() => strategy.NodesToDown(view));
    }

    [Fact]
    public void Create_FromSettings_BuildsConfiguredStrategy()
    {
        Assert.IsType<KeepMajority>(new SplitBrainResolverSettings().CreateStrategy());
        var quorum = Assert.IsType<StaticQuorum>(new SplitBrainResolverSettings { ActiveStrategy = "static-quorum", StaticQuorumSize = 2, StaticQuorumRole = "r" }
            .CreateStrategy());
        Assert.Equal(2, quorum.QuorumSize);
        Assert.Equal("r", quorum.Role);
        Assert.False(Assert.IsType<KeepOldest>(new SplitBrainResolverSettings { ActiveStrategy = "keep-oldest", KeepOldestDownIfAlone = false }
            .CreateStrategy()).DownIfAlone);
        Assert.IsType<DownAllNodes>(new SplitBrainResolverSettings { ActiveStrategy = "down-all" }.CreateStrategy());
        Assert.Throws<InvalidOperationException>(() => new SplitBrainResolverSettings { ActiveStrategy = "static-quorum" }.CreateStrategy());
        Assert.Throws<InvalidOperationException>(() => new SplitBrainResolverSettings { ActiveStrategy = "lease-majority" }.CreateStrategy());
    }

    /// <summary>A strategy that keeps answering "indirectly connected", to reach the double-decision guard.</summary>
    private sealed class StillIndirect() : DowningStrategy(null, Member.Ordering)
    {
        public override DowningDecision Decide(SplitBrainView view) => DowningDecision.DownIndirectlyConnected;
    }
}
