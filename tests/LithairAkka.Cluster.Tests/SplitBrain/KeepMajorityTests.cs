using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class KeepMajorityTests
{
    internal static SplitBrainView View(IEnumerable<Member> members, params int[] unreachable) =>
        members.Aggregate(SplitBrainView.Empty, (v, m) => unreachable.Contains(m.Address.Port!.Value - 2550) ? v.AddUnreachable(m) : v.Add(m));

    [Fact]
    public void Decide_Majority_DownsUnreachable()
    {
        var view = View([Up(1), Up(2), Up(3)], 3);
        var strategy = new KeepMajority();
        Assert.Equal(DowningDecision.DownUnreachable, strategy.Decide(view));
        Assert.Equal(Set(3), strategy.NodesToDown(view));
    }

    [Fact]
    public void Decide_Minority_DownsItself()
    {
        var view = View([Up(1), Up(2), Up(3)], 2, 3);
        Assert.Equal(DowningDecision.DownReachable, new KeepMajority().Decide(view));
        Assert.Equal(Set(1), new KeepMajority().NodesToDown(view));
    }

    [Fact]
    public void Decide_EqualSides_KeepsSideWithLowestAddress()
    {
        var members = new[] { Up(1), Up(2), Up(3), Up(4) };
        Assert.Equal(DowningDecision.DownUnreachable, new KeepMajority().Decide(View(members, 3, 4)));
        Assert.Equal(DowningDecision.DownReachable, new KeepMajority().Decide(View(members, 1, 2)));
    }

    [Fact]
    public void Decide_Role_CountsOnlyRoleMembers()
    {
        var members = new[] { Up(1, 1, "db"), Up(2, 2), Up(3, 3), Up(4, 4, "db"), Up(5, 5, "db") };
        var strategy = new KeepMajority("db");
        Assert.Equal(DowningDecision.DownReachable, strategy.Decide(View(members, 4, 5)));
        Assert.Equal(DowningDecision.DownUnreachable, strategy.Decide(View(members, 1, 2, 3)));
    }

    [Fact]
    public void Decide_NoMemberWithRole_DownsAll() =>
        Assert.Equal(DowningDecision.DownAll, new KeepMajority("none").Decide(View([Up(1), Up(2)], 2)));

    [Fact]
    public void Decide_JoiningOnOtherSideCouldBeUp_DownsAll()
    {
        var view = View([Up(1), Up(2), Up(3), Joining(4), Joining(5)], 3, 4, 5);
        Assert.Equal(DowningDecision.DownAll, new KeepMajority().Decide(view));
    }

    [Fact]
    public void Decide_LeavingOnThisSideCouldBeExiting_DownsAll()
    {
        var view = View([Up(1), WithStatus(2, MemberStatus.Leaving), Up(3), Up(4)], 3, 4);
        Assert.Equal(DowningDecision.DownAll, new KeepMajority().Decide(view));
    }

    [Fact]
    public void Decide_TieWhileLowerJoiningMayBeUpOnOtherSide_DownsAllWhereAkkaWouldKeepBothSides()
    {
        // Node 0 was Joining here but the leader (node 1, other side) moved it to Up just before the cut: over there
        // node 0 is the lowest counted address and that side keeps itself on the tie.
        var members = new[] { Joining(0, "a"), Up(1, 1), Up(2, 4, "a"), Up(3, 3, "a"), Up(4, 6, "a") };
        var staleSide = View(members, 0, 1, 3);
        Assert.Equal(DowningDecision.DownAll, new KeepMajority("a").Decide(staleSide));
        var knowingSide = View([Member(0, MemberStatus.Up, 7, "a"), Up(1, 1), Up(2, 4, "a"), Up(3, 3, "a"), Up(4, 6, "a")], 2, 4);
        Assert.Equal(DowningDecision.DownUnreachable, new KeepMajority("a").Decide(knowingSide));
    }

    [Fact]
    public void Decide_JoiningOnThisSide_DoesNotCount()
    {
        var view = View([Up(1), Joining(2), Joining(3), Up(4), Up(5)], 4, 5);
        Assert.Equal(DowningDecision.DownReachable, new KeepMajority().Decide(view));
        Assert.Equal(Set(1, 2, 3), new KeepMajority().NodesToDown(view));
    }

    [Fact]
    public void Decide_IndirectlyConnected_DownsThem()
    {
        var view = View([Up(1), Up(2), Up(3), Up(4), Up(5)], 2, 3)
            .WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)).Unreachable(Node(3), Node(2)));
        Assert.Equal(DowningDecision.DownIndirectlyConnected, new KeepMajority().Decide(view));
        Assert.Equal(Set(2, 3), new KeepMajority().NodesToDown(view));
    }

    [Fact]
    public void Partitions_SameMembershipOnBothSides_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(_ => new KeepMajority(), withInFlightChanges: false);

    [Fact]
    public void Partitions_WithInFlightMembershipChanges_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(_ => new KeepMajority(), withInFlightChanges: true);

    [Fact]
    public void Partitions_WithRole_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(random => new KeepMajority(random.Chance(0.5) ? "a" : "b"), withInFlightChanges: true);
}
