namespace LithairAkka.Cluster.Tests;

public sealed partial class ReachabilityTests
{
    [Fact]
    public void Merge_TablesFromOneHistory_IsCommutative() => Property.ForAll(1000, random =>
    {
        var generator = new GossipGenerator(random);
        var a = generator.Next(random);
        var b = generator.Next(random);
        var allowed = a.Members.Select(m => m.UniqueAddress).Intersect(b.Members.Select(m => m.UniqueAddress)).ToHashSet();
        Assert.Equal(a.Overview.Reachability.Merge(allowed, b.Overview.Reachability), b.Overview.Reachability.Merge(allowed, a.Overview.Reachability));
    });

    [Fact]
    public void Merge_TablesFromOneHistory_IsAssociative() => Property.ForAll(1000, random =>
    {
        var generator = new GossipGenerator(random);
        var gossips = new[] { generator.Next(random), generator.Next(random), generator.Next(random) };
        var (a, b, c) = (gossips[0].Overview.Reachability, gossips[1].Overview.Reachability, gossips[2].Overview.Reachability);

        // As in a gossip merge, removed (tombstoned) nodes are never allowed; any other subset may be.
        var allowed = Enumerable.Range(0, generator.NodeCount)
            .Select(i => TestNodes.Node(i))
            .Where(n => gossips.All(g => !g.Tombstones.ContainsKey(n)) && random.Chance(0.8))
            .ToHashSet();
        Assert.Equal(a.Merge(allowed, b).Merge(allowed, c), a.Merge(allowed, b.Merge(allowed, c)));
    });

    [Fact]
    public void Merge_TableWithItself_IsIdempotent() => Property.ForAll(1000, random =>
    {
        var gossip = new GossipGenerator(random).Next(random);
        var r = gossip.Overview.Reachability;
        var allowed = gossip.Members.Select(m => m.UniqueAddress).ToHashSet();
        Assert.Equal(r, r.Merge(allowed, r));
    });
}
