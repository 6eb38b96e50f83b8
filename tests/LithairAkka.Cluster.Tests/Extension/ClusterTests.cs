using Xunit.Abstractions;

namespace LithairAkka.Cluster.Tests;

[Collection(MultiNodeCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly ClusterNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task JoinSeedNodes_ThreeNodes_AllUpWithOneLeaderAndConvergence()
    {
        var nodes = await _nodes.FormAsync(3);

        var leader = ClusterNodes.ClusterOf(nodes[0]).State.Leader;
        Assert.NotNull(leader);
        Assert.Contains(leader, nodes.Select(ClusterNodes.AddressOf));
        Assert.All(nodes, n => Assert.Equal(MemberStatus.Up, ClusterNodes.ClusterOf(n).SelfMember.Status));
    }

    [Fact]
    public async Task JoinSeedNodes_FiveNodes_AllUpWithOneLeaderAndConvergence()
    {
        var nodes = await _nodes.FormAsync(5);

        Assert.All(nodes, n => Assert.Equal(5, ClusterNodes.ClusterOf(n).State.Members.Count));
    }
}
