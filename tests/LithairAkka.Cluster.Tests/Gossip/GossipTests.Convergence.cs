using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class GossipTests
{
    [Fact]
    public void Convergence_EmptyGossip_IsReached() => Assert.True(LithairAkka.Cluster.Gossip.Empty.Convergence(Node(1), NoneConfirmed));

    [Fact]
    public void Convergence_SingleSeenNode_IsReached() => Assert.True(Gossip(Up(1)).Seen(Node(1)).Convergence(Node(1), NoneConfirmed));

    [Fact]
    public void Convergence_NotAllUpSeen_IsNotReached() =>
        Assert.False(Gossip(Up(1), Up(2)).Seen(Node(1)).Convergence(Node(1), NoneConfirmed));

    [Fact]
    public void Convergence_AllUpSeen_IsReached() =>
        Assert.True(Gossip(Up(1), Up(2)).SeenByAll().Convergence(Node(1), NoneConfirmed));

    [Theory]
    [InlineData(MemberStatus.Joining)]
    [InlineData(MemberStatus.WeaklyUp)]
    [InlineData(MemberStatus.Exiting)]
    [InlineData(MemberStatus.Down)]
    public void Convergence_UnseenMemberNotUpOrLeaving_DoesNotBlock(MemberStatus status) =>
        Assert.True(Gossip(Up(1), WithStatus(2, status)).Seen(Node(1)).Convergence(Node(1), NoneConfirmed));

    [Fact]
    public void Convergence_UnseenLeaving_Blocks() =>
        Assert.False(Gossip(Up(1), WithStatus(2, MemberStatus.Leaving)).Seen(Node(1)).Convergence(Node(1), NoneConfirmed));

    [Fact]
    public void Convergence_UnseenLeavingWithExitingConfirmed_IsReached() =>
        Assert.True(Gossip(Up(1), WithStatus(2, MemberStatus.Leaving)).Seen(Node(1)).Convergence(Node(1), Confirmed(2)));

    [Fact]
    public void Convergence_UnreachableLeavingWithExitingConfirmed_IsReached()
    {
        var gossip = Gossip(Up(1), WithStatus(3, MemberStatus.Leaving))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)))
            .Seen(Node(1));
        Assert.True(gossip.Convergence(Node(1), Confirmed(3)));
        Assert.False(gossip.Convergence(Node(1), NoneConfirmed));
    }

    [Fact]
    public void Convergence_UnreachableUpMember_IsNotReachedExceptFromItsOwnView()
    {
        var gossip = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1))).SeenByAll();
        Assert.False(gossip.Convergence(Node(2), NoneConfirmed));
        Assert.True(gossip.Convergence(Node(1), NoneConfirmed));
    }

    [Theory]
    [InlineData(MemberStatus.Down)]
    [InlineData(MemberStatus.Exiting)]
    public void Convergence_UnreachableDownOrExiting_DoesNotBlock(MemberStatus status)
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, status))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)))
            .Seen(Node(1)).Seen(Node(2));
        Assert.True(gossip.Convergence(Node(1), NoneConfirmed));
    }

    [Theory]
    [InlineData(MemberStatus.Joining)]
    [InlineData(MemberStatus.WeaklyUp)]
    [InlineData(MemberStatus.Leaving)]
    public void Convergence_UnreachableJoiningOrLeaving_Blocks(MemberStatus status)
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(3, status))
            .WithReachability(Reachability.Empty.Unreachable(Node(1), Node(3)))
            .SeenByAll();
        Assert.False(gossip.Convergence(Node(1), NoneConfirmed));
    }

    [Fact]
    public void Convergence_ObservationByDownedNode_IsIgnored()
    {
        var gossip = Gossip(Up(1), Up(2), WithStatus(5, MemberStatus.Down))
            .WithReachability(Reachability.Empty.Unreachable(Node(5), Node(2)))
            .Seen(Node(1)).Seen(Node(2));
        Assert.True(gossip.Convergence(Node(1), NoneConfirmed));
    }
}
