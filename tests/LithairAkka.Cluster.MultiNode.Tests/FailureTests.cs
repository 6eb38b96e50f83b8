using LithairAkka.Cluster.NodeHost;

namespace LithairAkka.Cluster.MultiNode.Tests;

/// <summary>Crashes, pauses and partitions of real node processes, resolved by the split-brain resolver (keep-majority).</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Kill_OneOfFive_UnreachableThenDownedAndRemovedEverywhere()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(5, Timeouts.Form);
        var victim = cluster.Nodes[3];
        var survivors = cluster.Nodes.Where(n => n != victim).ToList();

        victim.Kill();

        await ClusterOfChildren.AwaitEverywhereAsync(survivors, "UnreachableMember", victim, Timeouts.Resolve);
        await ClusterOfChildren.AwaitEverywhereAsync(survivors, "MemberRemoved", victim, Timeouts.Resolve);
        foreach (var survivor in survivors)
        {
            await MembershipTests.AwaitStateAsync(survivor, s => s.Split("=Up").Length - 1 == 4 && s.Contains(" unreachable= ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Partition_ThreeAgainstTwo_MinorityDownsItselfMajorityStaysUp()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(5, Timeouts.Form);
        var majority = cluster.Nodes.Take(3).ToList();
        var minority = cluster.Nodes.Skip(3).ToList();

        await PartitionAsync(majority, minority);

        await AssertMinorityDownedAsync(majority, minority);
    }

    [Fact]
    public async Task Partition_TwoAgainstOne_LoneNodeDownsItself()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(3, Timeouts.Form);
        var majority = cluster.Nodes.Take(2).ToList();
        var minority = cluster.Nodes.Skip(2).ToList();

        await PartitionAsync(majority, minority);

        await AssertMinorityDownedAsync(majority, minority);
    }

    [Fact]
    public async Task Pause_OneOfThree_IsRemovedAndShutsItselfDownWhenResumed()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(3, Timeouts.Form);
        var paused = cluster.Nodes[1];
        var others = cluster.Nodes.Where(n => n != paused).ToList();

        paused.Pause();
        await ClusterOfChildren.AwaitEverywhereAsync(others, "MemberRemoved", paused, Timeouts.Resolve);
        paused.Resume();

        // Back from its pause, the node finds itself removed (or alone in a minority) and must not carry on as a member.
        Assert.Equal(0, await paused.WaitForExitAsync(Timeouts.Resolve));
        foreach (var node in others)
        {
            await MembershipTests.AwaitStateAsync(node, s => s.Split("=Up").Length - 1 == 2);
        }
    }

    private static async Task PartitionAsync(IReadOnlyList<ChildNode> left, IReadOnlyList<ChildNode> right)
    {
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                await a.SendAsync("blackhole " + b.Endpoint);
                await b.SendAsync("blackhole " + a.Endpoint);
            }
        }
    }

    private static async Task AssertMinorityDownedAsync(IReadOnlyList<ChildNode> majority, IReadOnlyList<ChildNode> minority)
    {
        // The minority's resolver downs its own side: every minority node shuts down.
        foreach (var node in minority)
        {
            Assert.Equal(0, await node.WaitForExitAsync(Timeouts.Resolve));
        }

        // The majority removes the minority and keeps exactly its own members Up.
        foreach (var lost in minority)
        {
            await ClusterOfChildren.AwaitEverywhereAsync(majority, "MemberRemoved", lost, Timeouts.Resolve);
        }

        foreach (var node in majority)
        {
            Assert.False(node.HasExited, $"Majority node {node.Address} shut down:\n{node.Output()}");
            await MembershipTests.AwaitStateAsync(node, s => s.Split("=Up").Length - 1 == majority.Count && s.Contains(" unreachable= ", StringComparison.Ordinal));
        }

        // No split brain: no minority node ever saw a majority member removed while it was still running.
        foreach (var node in minority)
        {
            Assert.DoesNotContain(node.Events, e => e.Kind == "MemberRemoved" && majority.Any(m => m.Address == e.Subject));
        }
    }
}
