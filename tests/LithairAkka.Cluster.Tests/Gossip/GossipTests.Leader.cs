using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class GossipTests
{
    [Fact]
    public void Leader_AllUp_IsLowestAddress() => Assert.Equal(Node(1), Gossip(Up(3), Up(1), Up(2)).Leader(Node(3)));

    [Fact]
    public void Leader_NoMembers_IsNone() => Assert.Null(LithairAkka.Cluster.Gossip.Empty.Leader(Node(1)));

    [Fact]
    public void Leader_LowestIsJoining_IsLowestUp() => Assert.Equal(Node(2), Gossip(Joining(1), Up(2), Up(3)).Leader(Node(1)));

    [Fact]
    public void Leader_LowestIsLeaving_IsStillLeader() =>
        Assert.Equal(Node(1), Gossip(WithStatus(1, MemberStatus.Leaving), Up(2)).Leader(Node(2)));

    [Fact]
    public void Leader_LowestIsExiting_IsLowestUp() =>
        Assert.Equal(Node(2), Gossip(WithStatus(1, MemberStatus.Exiting), Up(2)).Leader(Node(2)));

    [Fact]
    public void Leader_LowestIsDown_IsNeverLeader()
    {
        Assert.Equal(Node(2), Gossip(WithStatus(1, MemberStatus.Down), Up(2)).Leader(Node(1)));
        Assert.Null(Gossip(WithStatus(1, MemberStatus.Down)).Leader(Node(1)));
    }

    [Fact]
    public void Leader_OnlyJoining_IsLowestJoining() => Assert.Equal(Node(1), Gossip(Joining(2), Joining(1), Joining(3)).Leader(Node(3)));

    [Fact]
    public void Leader_NoUpButWeaklyUpAndJoining_PrefersWeaklyUp() =>
        Assert.Equal(Node(3), Gossip(Joining(1), Joining(2), WithStatus(3, MemberStatus.WeaklyUp)).Leader(Node(1)));

    [Fact]
    public void Leader_NoUpButJoiningAndExiting_PrefersJoining() =>
        Assert.Equal(Node(2), Gossip(WithStatus(1, MemberStatus.Exiting), Joining(2)).Leader(Node(1)));

    [Fact]
    public void Leader_LowestUnreachable_IsNextReachable()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)));
        Assert.Equal(Node(2), gossip.Leader(Node(2)));
        Assert.Equal(Node(2), gossip.Leader(Node(3)));
    }

    [Fact]
    public void Leader_SelfSeenUnreachableByOthers_StillCountsItself()
    {
        var gossip = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(1)));
        Assert.Equal(Node(1), gossip.Leader(Node(1)));
        Assert.True(gossip.IsLeader(Node(1), Node(1)));
        Assert.False(gossip.IsLeader(Node(1), Node(2)));
    }

    [Fact]
    public void RoleLeader_Roles_IsLowestUpWithRole()
    {
        var gossip = Gossip(Up(1, 1, "a"), Up(2, 2, "b"), Up(3, 3, "a", "b"), Joining(0, "b"));
        Assert.Equal(Node(1), gossip.RoleLeader("a", Node(1)));
        Assert.Equal(Node(2), gossip.RoleLeader("b", Node(1)));
        Assert.Null(gossip.RoleLeader("c", Node(1)));
    }

    [Fact]
    public void LeaderOf_Subset_ChoosesAmongGiven() =>
        Assert.Equal(Node(3), Gossip(Up(1), Up(2), Up(3)).LeaderOf([Up(3), Joining(2)], Node(1)));
}
