using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class MembershipStateTests
{
    [Fact]
    public void SelfMember_Member_IsLookedUp()
    {
        var state = new MembershipState(Gossip(Up(1), Joining(2)), Node(2));
        Assert.Equal(MemberStatus.Joining, state.SelfMember.Status);
        Assert.Equal(MemberStatus.Removed, new MembershipState(Gossip(Up(1)), Node(3)).SelfMember.Status);
    }

    [Fact]
    public void Leader_AsSeenFromSelf_MatchesGossip()
    {
        var gossip = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)));
        Assert.Equal(Node(1), new MembershipState(gossip, Node(1)).Leader);
        Assert.Equal(Node(2), new MembershipState(gossip, Node(2)).Leader);
        Assert.True(new MembershipState(gossip, Node(2)).IsLeader(Node(2)));
    }

    [Fact]
    public void RoleLeader_Role_IsLowestWithRole() =>
        Assert.Equal(Node(2), new MembershipState(Gossip(Up(1), Up(2, 2, "x")), Node(1)).RoleLeader("x"));

    [Fact]
    public void Convergence_SeenByAll_IsReached()
    {
        var state = new MembershipState(Gossip(Up(1), Up(2)), Node(1));
        Assert.False(state.Convergence(NoneConfirmed));
        Assert.True(state.WithGossip(state.LatestGossip.SeenByAll()).Convergence(NoneConfirmed));
    }

    [Fact]
    public void Seen_State_MarksSelf()
    {
        var state = new MembershipState(Gossip(Up(1), Up(2)), Node(2)).Seen();
        Assert.True(state.LatestGossip.SeenByNode(Node(2)));
        Assert.False(state.LatestGossip.SeenByNode(Node(1)));
    }

    [Fact]
    public void ValidNodeForGossip_SelfOrUnreachableFromSelf_IsNotValid()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)).Unreachable(Node(3), Node(1)));
        var state = new MembershipState(gossip, Node(1));
        Assert.False(state.ValidNodeForGossip(Node(1)));
        Assert.False(state.ValidNodeForGossip(Node(2)));
        Assert.True(state.ValidNodeForGossip(Node(3)));
    }

    [Fact]
    public void IsReachableExcludingDownedObservers_DownObserver_Ignored()
    {
        var gossip = Gossip(Up(1), WithStatus(2, MemberStatus.Down)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)));
        var state = new MembershipState(gossip, Node(1));
        Assert.True(state.IsReachableExcludingDownedObservers(Node(1)));
        Assert.False(state.IsReachableExcludingDownedObservers(Node(7)));
    }

    [Fact]
    public void YoungestAndOldest_Members_ByUpNumber()
    {
        var state = new MembershipState(Gossip(Up(1, 4), Up(2, 2), Up(3, 9)), Node(1));
        Assert.Equal(Node(3), state.Youngest.UniqueAddress);
        Assert.Equal(Node(2), state.Oldest()!.UniqueAddress);
    }

    [Fact]
    public void LeaderOf_Members_UsesSelfReachability() =>
        Assert.Equal(Node(2), new MembershipState(Gossip(Up(1), Up(2)), Node(1)).LeaderOf([Up(2)]));
}
