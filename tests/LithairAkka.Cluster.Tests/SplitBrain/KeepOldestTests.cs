using static LithairAkka.Cluster.Tests.KeepMajorityTests;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class KeepOldestTests
{
    private static readonly Member[] Members = [Up(1, 3), Up(2, 1), Up(3, 2), Up(4, 4), Up(5, 5)];

    [Fact]
    public void Decide_OldestOnThisSide_DownsUnreachable()
    {
        var view = View(Members, 1, 4, 5);
        Assert.Equal(DowningDecision.DownUnreachable, new KeepOldest().Decide(view));
        Assert.Equal(Set(1, 4, 5), new KeepOldest().NodesToDown(view));
    }

    [Fact]
    public void Decide_OldestOnOtherSide_DownsItself()
    {
        var view = View(Members, 2, 3);
        Assert.Equal(DowningDecision.DownReachable, new KeepOldest().Decide(view));
    }

    [Fact]
    public void Decide_OldestAloneWithDownIfAlone_DownsOldest()
    {
        var oldestSide = View(Members, 1, 3, 4, 5);
        var othersSide = View(Members, 2);
        Assert.Equal(DowningDecision.DownReachable, new KeepOldest(downIfAlone: true).Decide(oldestSide));
        Assert.Equal(DowningDecision.DownUnreachable, new KeepOldest(downIfAlone: true).Decide(othersSide));
    }

    [Fact]
    public void Decide_OldestAloneWithoutDownIfAlone_KeepsOldest()
    {
        Assert.Equal(DowningDecision.DownUnreachable, new KeepOldest(downIfAlone: false).Decide(View(Members, 1, 3, 4, 5)));
        Assert.Equal(DowningDecision.DownReachable, new KeepOldest(downIfAlone: false).Decide(View(Members, 2)));
    }

    [Fact]
    public void Decide_TwoNodes_KeepsOldestEvenAlone()
    {
        var two = new[] { Up(1, 1), Up(2, 2) };
        Assert.Equal(DowningDecision.DownUnreachable, new KeepOldest().Decide(View(two, 2)));
        Assert.Equal(DowningDecision.DownReachable, new KeepOldest().Decide(View(two, 1)));
    }

    [Fact]
    public void Decide_Role_UsesOldestWithRole()
    {
        var members = new[] { Up(1, 1), Up(2, 2, "s"), Up(3, 3, "s"), Up(4, 4) };
        Assert.Equal(DowningDecision.DownUnreachable, new KeepOldest(false, "s").Decide(View(members, 1, 3)));
        Assert.Equal(DowningDecision.DownReachable, new KeepOldest(false, "s").Decide(View(members, 2, 4)));
    }

    [Fact]
    public void Decide_LeavingOldestCouldBeExiting_DownsAll()
    {
        var members = new[] { Member(1, MemberStatus.Leaving, 1), Up(2, 2), Up(3, 3) };
        Assert.Equal(DowningDecision.DownAll, new KeepOldest(false).Decide(View(members, 2)));
    }

    [Fact]
    public void Partitions_SameMembershipOnBothSides_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new KeepOldest(random.Chance(0.5)), withInFlightChanges: false);

    [Fact]
    public void Partitions_WithInFlightMembershipChanges_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new KeepOldest(random.Chance(0.5)), withInFlightChanges: true);

    [Fact]
    public void Partitions_WithRole_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new KeepOldest(random.Chance(0.5), random.Chance(0.5) ? "a" : "b"), withInFlightChanges: true);
}
