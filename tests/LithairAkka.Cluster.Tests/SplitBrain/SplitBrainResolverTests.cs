using LithairAkka.Actors;
using Xunit.Abstractions;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Cluster.Tests;

[Collection(MultiNodeCollection.Name)]
public sealed class SplitBrainResolverTests(ITestOutputHelper output) : IDisposable
{
    private readonly ClusterNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task Crash_OneOfThree_UnreachableEverywhereThenDownedAndRemoved()
    {
        var nodes = await _nodes.FormAsync(3);
        var crashed = ClusterNodes.AddressOf(nodes[2]);
        var survivors = nodes[..2];
        var probes = survivors.Select(n =>
        {
            var probe = n.CreateTestProbe();
            ClusterNodes.ClusterOf(n).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
                typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberRemoved));
            return probe;
        }).ToList();
        foreach (var probe in probes)
        {
            await probe.ExpectMsgAsync<ClusterEvent.CurrentClusterState>(ClusterNodes.Deadline);
        }

        await ClusterNodes.CrashAsync(nodes[2]);

        foreach (var probe in probes)
        {
            Assert.Equal(crashed, (await probe.ExpectMsgAsync<ClusterEvent.UnreachableMember>(ClusterNodes.Deadline)).Member.Address);
        }

        await ClusterNodes.AwaitUpAsync(survivors);
        foreach (var probe in probes)
        {
            var removed = await probe.FishForMessageAsync<ClusterEvent.MemberRemoved>(_ => true, ClusterNodes.Deadline);
            Assert.Equal(crashed, removed.Member.Address);
            Assert.Equal(MemberStatus.Down, removed.PreviousStatus);
        }
    }

    [Fact]
    public async Task Partition_ThreeAgainstTwo_MinorityDownsItselfAndMajorityStaysUp()
    {
        var nodes = await _nodes.FormAsync(5);

        await PartitionAndResolveAsync(nodes[..3], nodes[3..]);
    }

    [Fact]
    public async Task Partition_TwoAgainstOne_MinorityDownsItselfAndMajorityStaysUp()
    {
        var nodes = await _nodes.FormAsync(3);

        await PartitionAndResolveAsync(nodes[..2], nodes[2..]);
    }

    private static async Task PartitionAndResolveAsync(List<Kit> majority, List<Kit> minority)
    {
        var checker = new SplitBrainChecker(majority.Concat(minority).ToList());
        using var monitor = checker.Start();

        ClusterNodes.Partition(majority, minority);

        foreach (var node in minority)
        {
            await node.Sys.WhenTerminated.WaitAsync(ClusterNodes.Deadline);
            Assert.IsType<CoordinatedShutdown.ClusterDowningReason>(CoordinatedShutdown.Get(node.Sys).ShutdownReason);
        }

        await ClusterNodes.AwaitUpAsync(majority);
        Assert.All(majority, n => Assert.False(n.Sys.WhenTerminated.IsCompleted));
        checker.AssertNeverTwoMajorities();
    }
}
