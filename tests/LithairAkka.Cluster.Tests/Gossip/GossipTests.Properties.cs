namespace LithairAkka.Cluster.Tests;

public sealed partial class GossipTests
{
    [Fact]
    public void Merge_GossipsFromOneHistory_IsCommutative() => Property.ForAll(2000, random =>
    {
        var generator = new GossipGenerator(random);
        var a = generator.Next(random);
        var b = generator.Next(random);
        AssertSameState(a.Merge(b), b.Merge(a));
    });

    [Fact]
    public void Merge_GossipsFromOneHistory_IsAssociative() => Property.ForAll(2000, random =>
    {
        var generator = new GossipGenerator(random);
        var (a, b, c) = (generator.Next(random), generator.Next(random), generator.Next(random));
        AssertSameState(a.Merge(b).Merge(c), a.Merge(b.Merge(c)));
    });

    [Fact]
    public void Merge_GossipWithItself_IsIdempotent() => Property.ForAll(2000, random =>
    {
        var a = new GossipGenerator(random).Next(random);
        AssertSameState(a, a.Merge(a));
    });

    [Fact]
    public void Merge_GossipsFromOneHistory_NeverMovesAMemberBackwards() => Property.ForAll(1000, random =>
    {
        var generator = new GossipGenerator(random);
        var a = generator.Next(random);
        var b = generator.Next(random);
        var merged = a.Merge(b);
        foreach (var member in merged.Members)
        {
            foreach (var side in new[] { a, b }.Where(g => g.HasMember(member.UniqueAddress)))
            {
                var before = side.GetMember(member.UniqueAddress).Status;
                Assert.True(IsReachableByTransitions(before, member.Status), $"{before} -> {member.Status}");
            }
        }

        Assert.True(merged.Version.IsAfter(a.Version) || merged.Version.IsSameAs(a.Version) || a.Tombstones.Count + b.Tombstones.Count > 0);
    });

    private static bool IsReachableByTransitions(MemberStatus from, MemberStatus to)
    {
        var reached = new HashSet<MemberStatus> { from };
        var frontier = new Queue<MemberStatus>([from]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in LithairAkka.Cluster.Member.AllowedTransitions[status].Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        return reached.Contains(to);
    }

    private static void AssertSameState(Gossip expected, Gossip actual)
    {
        Assert.Equal(GossipGenerator.Describe(expected), GossipGenerator.Describe(actual));
        Assert.Equal(expected.Overview.Reachability, actual.Overview.Reachability);
        Assert.Equal(expected.Version, actual.Version);
    }
}
