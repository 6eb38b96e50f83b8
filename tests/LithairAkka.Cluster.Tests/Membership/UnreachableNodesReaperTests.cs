using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class UnreachableNodesReaperTests
{
    [Fact]
    public void Reap_UnavailableMember_IsMarkedUnreachableBySelf()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3));
        var result = UnreachableNodesReaper.Reap(gossip, Node(1), m => m.UniqueAddress != Node(3));
        Assert.True(result.HasChanged);
        Assert.Equal([Node(3)], result.NewlyUnreachable.Select(m => m.UniqueAddress));
        Assert.Equal(ReachabilityStatus.Unreachable, result.Gossip.Overview.Reachability.Status(Node(1), Node(3)));
        Assert.Equal([Node(1)], result.Gossip.SeenBy);
        Assert.True(result.Gossip.Version.IsAfter(gossip.Version));
    }

    [Fact]
    public void Reap_AlreadyUnreachable_IsNotChangedAgain()
    {
        var gossip = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)));
        var result = UnreachableNodesReaper.Reap(gossip, Node(1), m => m.UniqueAddress == Node(1));
        Assert.False(result.HasChanged);
        Assert.Same(gossip, result.Gossip);
    }

    [Fact]
    public void Reap_AvailableAgain_IsMarkedReachable()
    {
        var gossip = Gossip(Up(1), Up(2)).WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)));
        var result = UnreachableNodesReaper.Reap(gossip, Node(1), _ => true);
        Assert.Equal([Node(2)], result.NewlyReachable.Select(m => m.UniqueAddress));
        Assert.True(result.Gossip.Overview.Reachability.IsAllReachable);
    }

    [Fact]
    public void Reap_OthersObservations_AreLeftAlone()
    {
        var gossip = Gossip(Up(1), Up(2), Up(3)).WithReachability(Reachability.Empty.Unreachable(Node(2), Node(3)));
        var result = UnreachableNodesReaper.Reap(gossip, Node(1), _ => true);
        Assert.False(result.HasChanged);
    }

    [Fact]
    public void Reap_SingletonCluster_DoesNothing()
    {
        var gossip = Gossip(Up(1));
        Assert.Same(gossip, UnreachableNodesReaper.Reap(gossip, Node(1), _ => false).Gossip);
    }
}
