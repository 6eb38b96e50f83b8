using static LithairAkka.Cluster.Tests.KeepMajorityTests;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class DownAllNodesTests
{
    [Fact]
    public void Decide_AnyView_DownsAllButDownAndExiting()
    {
        var view = View([Up(1), Joining(2), WithStatus(3, MemberStatus.Down), WithStatus(4, MemberStatus.Exiting), Up(5)], 5);
        Assert.Equal(DowningDecision.DownAll, new DownAllNodes().Decide(view));
        Assert.Equal(Set(1, 2, 5), new DownAllNodes().NodesToDown(view));
    }

    [Fact]
    public void Partitions_Any_NeverBothSurvive() =>
        PartitionProperty.AssertNeverBothSidesSurvive(_ => new DownAllNodes(), withInFlightChanges: true, cases: 1000);
}
