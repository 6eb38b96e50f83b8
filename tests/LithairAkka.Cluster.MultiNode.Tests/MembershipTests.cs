using LithairAkka.Cluster.NodeHost;

namespace LithairAkka.Cluster.MultiNode.Tests;

/// <summary>Forming, leaving and rejoining with real node processes on loopback.</summary>
public sealed class MembershipTests
{
    [Fact]
    public async Task StartAsync_ThreeNodes_AllUpWithOneAgreedLeader()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(3, Timeouts.Form);

        var states = await Task.WhenAll(cluster.Nodes.Select(n => n.QueryStateAsync(Timeouts.Form)));
        var leaders = states.Select(s => s[(s.IndexOf("leader=", StringComparison.Ordinal) + 7)..]).Distinct().ToList();
        Assert.Single(leaders);
        Assert.Contains(leaders[0], cluster.Nodes.Select(n => n.Address));
        Assert.All(states, s => Assert.Equal(3, s.Split("=Up").Length - 1));
    }

    [Fact]
    public async Task StartAsync_FiveNodes_AllSeeAllUp()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(5, Timeouts.Form);

        var states = await Task.WhenAll(cluster.Nodes.Select(n => n.QueryStateAsync(Timeouts.Form)));
        Assert.All(states, s => Assert.Equal(5, s.Split("=Up").Length - 1));
    }

    [Fact]
    public async Task Dispose_OneNodeLeavesGracefully_ExitsAndIsRemovedWithoutBeingUnreachable()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(3, Timeouts.Form);
        var leaver = cluster.Nodes[2];
        var stayers = cluster.Nodes.Take(2).ToList();

        await leaver.SendAsync("leave");

        await ClusterOfChildren.AwaitEverywhereAsync(stayers, "MemberRemoved", leaver, Timeouts.Resolve);
        Assert.Equal(0, await leaver.WaitForExitAsync(Timeouts.Resolve));
        await leaver.AwaitLineAsync(l => l == "TERMINATED", Timeouts.Resolve);
        Assert.All(stayers, s => Assert.DoesNotContain(s.Events, e => e.Kind == "UnreachableMember" && e.Subject == leaver.Address));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Leave_TheLeaderLeavesGracefully_RemovedEverywhereAndANewLeaderTakesOver(int count)
    {
        await using var cluster = await ClusterOfChildren.StartAsync(count, Timeouts.Form);
        var state = await cluster.Nodes[0].QueryStateAsync(Timeouts.Form);
        var leaderAddress = state[(state.IndexOf("leader=", StringComparison.Ordinal) + 7)..];
        var leader = cluster.Nodes.Single(n => n.Address == leaderAddress);
        var stayers = cluster.Nodes.Where(n => n != leader).ToList();

        await leader.SendAsync("leave");

        await ClusterOfChildren.AwaitEverywhereAsync(stayers, "MemberRemoved", leader, Timeouts.Resolve);
        Assert.Equal(0, await leader.WaitForExitAsync(Timeouts.Resolve));
        foreach (var node in stayers)
        {
            await AwaitStateAsync(node, s => s.Split("=Up").Length - 1 == count - 1 && !s.EndsWith("leader=" + leaderAddress, StringComparison.Ordinal) && !s.EndsWith("leader=-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Restart_SamePortNewIncarnation_RejoinsAndOldIncarnationIsRemoved()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(3, Timeouts.Form);
        var old = cluster.Nodes[2];
        var port = old.Port;

        old.Kill();
        await old.WaitForExitAsync(Timeouts.Resolve);
        await using var reborn = await ChildNode.StartAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seeds", cluster.Nodes[0].Endpoint], Timeouts.Form);
        await reborn.AwaitLineAsync(l => l == "SELFUP", Timeouts.Form);

        // Every node ends with three Up members, none unreachable: the old incarnation is gone, the new one is in.
        foreach (var node in new[] { cluster.Nodes[0], cluster.Nodes[1], reborn })
        {
            await AwaitStateAsync(node, s => s.Split("=Up").Length - 1 == 3 && s.Contains(" unreachable= ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Join_WrongSecureCookie_NodeIsRefused()
    {
        await using var cluster = await ClusterOfChildren.StartAsync(2, Timeouts.Form);

        await using var intruder = await ChildNode.StartAsync(["--seeds", cluster.Nodes[0].Endpoint, "--cookie", "not-the-secret"], Timeouts.Form);

        await Assert.ThrowsAsync<TimeoutException>(() => intruder.AwaitLineAsync(l => l == "SELFUP", Timeouts.Refused));
        var state = await cluster.Nodes[0].QueryStateAsync(Timeouts.Form);
        Assert.DoesNotContain(intruder.Address, state, StringComparison.Ordinal);
        Assert.Equal(2, state.Split("=Up").Length - 1);
    }

    internal static async Task AwaitStateAsync(ChildNode node, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeouts.Resolve;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            last = await node.QueryStateAsync(Timeouts.Resolve);
            if (condition(last))
            {
                return;
            }

            // Poll the node's view a few times a second until the deadline: the state line is the condition.
            await Task.Delay(200);
        }

        Assert.Fail($"Node {node.Address} never reached the expected membership; last view: {last}");
    }
}
