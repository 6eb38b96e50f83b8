using static LithairAkka.Cluster.Tests.KeepMajorityTests;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class StaticQuorumTests
{
    private static readonly Member[] Five = [Up(1), Up(2), Up(3), Up(4), Up(5)];

    [Fact]
    public void Decide_QuorumReachable_DownsUnreachable()
    {
        var view = View(Five, 4, 5);
        Assert.Equal(DowningDecision.DownUnreachable, new StaticQuorum(3).Decide(view));
        Assert.Equal(Set(4, 5), new StaticQuorum(3).NodesToDown(view));
    }

    [Fact]
    public void Decide_QuorumNotReachable_DownsItself()
    {
        var view = View(Five, 1, 2, 3);
        Assert.Equal(DowningDecision.DownReachable, new StaticQuorum(3).Decide(view));
        Assert.Equal(Set(4, 5), new StaticQuorum(3).NodesToDown(view));
    }

    [Fact]
    public void Decide_TooManyMembers_DownsAll()
    {
        var strategy = new StaticQuorum(2);
        Assert.True(strategy.IsTooManyMembers(View(Five, 5)));
        Assert.Equal(DowningDecision.DownAll, strategy.Decide(View(Five, 5)));
        Assert.False(new StaticQuorum(3).IsTooManyMembers(View(Five, 5)));
    }

    [Fact]
    public void Decide_JoiningMembersBeyondLimit_DownsAll()
    {
        var view = View([Up(1), Up(2), Up(3), Up(4), Up(5), Joining(6)], 5);
        Assert.True(new StaticQuorum(3).IsTooManyMembers(view));
        Assert.Equal(DowningDecision.DownAll, new StaticQuorum(3).Decide(view));
    }

    [Fact]
    public void Decide_Role_CountsOnlyRoleMembers()
    {
        var members = new[] { Up(1, 1, "db"), Up(2, 2, "db"), Up(3, 3), Up(4, 4, "db") };
        Assert.Equal(DowningDecision.DownUnreachable, new StaticQuorum(2, "db").Decide(View(members, 3, 4)));
        Assert.Equal(DowningDecision.DownReachable, new StaticQuorum(2, "db").Decide(View(members, 1, 2)));
    }

    [Fact]
    public void Constructor_QuorumBelowOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new StaticQuorum(0));

    [Fact]
    public void Partitions_SameMembershipOnBothSides_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new StaticQuorum(random.Next(1, 8)), withInFlightChanges: false);

    [Fact]
    public void Partitions_WithInFlightMembershipChanges_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new StaticQuorum(random.Next(1, 8), random.Chance(0.3) ? "a" : null), withInFlightChanges: true);
}
