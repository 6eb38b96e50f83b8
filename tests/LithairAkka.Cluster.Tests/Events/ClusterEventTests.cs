using LithairAkka.Actors;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterEventTests
{
    public static TheoryData<Func<Member, ClusterEvent.IMemberEvent>, MemberStatus> Constructors() => new()
    {
        { m => new ClusterEvent.MemberJoined(m), MemberStatus.Joining },
        { m => new ClusterEvent.MemberWeaklyUp(m), MemberStatus.WeaklyUp },
        { m => new ClusterEvent.MemberUp(m), MemberStatus.Up },
        { m => new ClusterEvent.MemberLeft(m), MemberStatus.Leaving },
        { m => new ClusterEvent.MemberExited(m), MemberStatus.Exiting },
        { m => new ClusterEvent.MemberDowned(m), MemberStatus.Down },
    };

    [Theory]
    [MemberData(nameof(Constructors))]
    public void MemberEvent_MatchingStatus_IsCreatedOtherwiseThrows(Func<Member, ClusterEvent.IMemberEvent> create, MemberStatus status)
    {
        Assert.Equal(status, create(Member(1, status, 1)).Member.Status);
        var wrong = status == MemberStatus.Up ? MemberStatus.Leaving : MemberStatus.Up;
        Assert.Throws<ArgumentException>(() => create(Member(1, wrong, 1)));
    }

    [Fact]
    public void MemberRemoved_NotRemovedStatus_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ClusterEvent.MemberRemoved(Up(1), MemberStatus.Up));
        var removed = new ClusterEvent.MemberRemoved(LithairAkka.Cluster.Member.Removed(Node(1)), MemberStatus.Exiting);
        Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
    }

    [Fact]
    public void Equality_SameMember_EventsAreEqual()
    {
        Assert.Equal(new ClusterEvent.MemberUp(Up(1)), new ClusterEvent.MemberUp(Up(1, 7)));
        Assert.Equal(new ClusterEvent.UnreachableMember(Up(1)), new ClusterEvent.UnreachableMember(Up(1)));
        Assert.NotEqual<object>(new ClusterEvent.UnreachableMember(Up(1)), new ClusterEvent.ReachableMember(Up(1)));
        Assert.Equal(new ClusterEvent.SeenChanged(true, [Node(1).Address, Node(2).Address]), new ClusterEvent.SeenChanged(true, [Node(2).Address, Node(1).Address]));
    }

    [Fact]
    public void InitialStateModes_AreAkkaNames()
    {
        Assert.Equal(ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, ClusterEvent.InitialStateAsEvents);
        Assert.Equal(ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, ClusterEvent.InitialStateAsSnapshot);
        Assert.Same(ClusterEvent.ClusterShuttingDown.Instance, ClusterEvent.ClusterShuttingDown.Instance);
    }

    [Fact]
    public void CurrentClusterState_Empty_HasNoMembersOrLeader()
    {
        var empty = ClusterEvent.CurrentClusterState.Empty;
        Assert.Empty(empty.Members);
        Assert.Null(empty.Leader);
        Assert.Null(empty.RoleLeader("a"));
        Address? none = null;
        Assert.Equal(none, empty.Leader);
    }
}
