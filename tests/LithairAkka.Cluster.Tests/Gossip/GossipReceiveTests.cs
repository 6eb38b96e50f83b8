using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class GossipReceiveTests
{
    private static readonly Gossip Base = Gossip(Up(1), Up(2), Up(3)).Increment(Node(1));

    private static ReceiveGossipResult Receive(Gossip local, Gossip remote, int from = 2, int to = 1, bool exiting = false) =>
        GossipReceive.Receive(new MembershipState(local, Node(1)), Node(from), Node(to), remote, exiting);

    [Fact]
    public void Receive_ForOtherIncarnation_IsIgnored()
    {
        var result = GossipReceive.Receive(new MembershipState(Base, Node(1)), Node(2), Node(1, uid: 77), Base.Increment(Node(2)));
        Assert.Equal(ReceiveGossipType.Ignored, result.Type);
        Assert.Same(Base, result.Gossip);
        Assert.NotNull(result.IgnoredReason);
    }

    [Fact]
    public void Receive_FromUnknownNode_IsIgnored() => Assert.Equal(ReceiveGossipType.Ignored, Receive(Base, Base.Increment(Node(2)), from: 9).Type);

    [Fact]
    public void Receive_FromNodeSelfSeesUnreachable_IsIgnored()
    {
        var local = Base.WithReachability(Reachability.Empty.Unreachable(Node(1), Node(2)));
        Assert.Equal(ReceiveGossipType.Ignored, Receive(local, local.Increment(Node(2))).Type);
    }

    [Fact]
    public void Receive_WithoutSelf_IsIgnored() =>
        Assert.Equal(ReceiveGossipType.Ignored, Receive(Base, Gossip(Up(2), Up(3)).Increment(Node(2))).Type);

    [Fact]
    public void Receive_Newer_IsTakenAndMarkedSeen()
    {
        var remote = Base.Update([WithStatus(3, MemberStatus.Leaving)]).Increment(Node(2)).Seen(Node(2));
        var result = Receive(Base, remote);
        Assert.Equal(ReceiveGossipType.Newer, result.Type);
        Assert.Equal(MemberStatus.Leaving, result.Gossip.GetMember(Node(3)).Status);
        Assert.True(result.Gossip.SeenByNode(Node(1)));
        Assert.True(result.Talkback);
    }

    [Fact]
    public void Receive_NewerAlreadySeenBySelf_NoTalkback() =>
        Assert.False(Receive(Base, Base.Increment(Node(2)).Seen(Node(1))).Talkback);

    [Fact]
    public void Receive_Older_KeepsLocalAndTalksBack()
    {
        var local = Base.Increment(Node(1));
        var result = Receive(local, Base);
        Assert.Equal(ReceiveGossipType.Older, result.Type);
        Assert.Equal(local.Version, result.Gossip.Version);
        Assert.True(result.Talkback);
    }

    [Fact]
    public void Receive_Same_MergesSeen()
    {
        var result = Receive(Base.Seen(Node(1)), Base.Seen(Node(2)));
        Assert.Equal(ReceiveGossipType.Same, result.Type);
        Assert.True(result.Gossip.SeenByNode(Node(1)));
        Assert.True(result.Gossip.SeenByNode(Node(2)));
    }

    [Fact]
    public void Receive_Concurrent_MergesStatuses()
    {
        var local = Base.Update([WithStatus(2, MemberStatus.Leaving)]).Increment(Node(1));
        var remote = Base.Update([WithStatus(3, MemberStatus.Leaving)]).Increment(Node(2));
        var result = Receive(local, remote);
        Assert.Equal(ReceiveGossipType.Merge, result.Type);
        Assert.Equal(MemberStatus.Leaving, result.Gossip.GetMember(Node(2)).Status);
        Assert.Equal(MemberStatus.Leaving, result.Gossip.GetMember(Node(3)).Status);
        Assert.Equal([Node(1)], result.Gossip.SeenBy);
        Assert.True(result.Talkback);
    }

    [Fact]
    public void Receive_ConcurrentWithRemovedMember_PrunesItsClockEntry()
    {
        var withDown = Gossip(Up(1), Up(2), WithStatus(3, MemberStatus.Down)).Increment(Node(3)).Increment(Node(1));
        var local = withDown.Increment(Node(1));
        var remote = withDown.Remove(Node(3), 5).Increment(Node(2));
        var result = Receive(local, remote);
        Assert.Equal(ReceiveGossipType.Merge, result.Type);
        Assert.False(result.Gossip.HasMember(Node(3)));
        Assert.False(result.Gossip.Version.Versions.ContainsKey(LithairAkka.Cluster.Gossip.VectorClockName(Node(3))));
    }

    [Fact]
    public void Receive_WhileExiting_DoesNotMarkSeen() =>
        Assert.False(Receive(Base, Base.Increment(Node(2)), exiting: true).Gossip.SeenByNode(Node(1)));
}
