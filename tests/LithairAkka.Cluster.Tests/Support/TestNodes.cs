using System.Collections.Immutable;
using LithairAkka.Actors;

namespace LithairAkka.Cluster.Tests;

/// <summary>Nodes and members for tests: node i lives at akka.tcp://sys@127.0.0.1:(2550 + i) with uid 1000 + i.</summary>
internal static class TestNodes
{
    public static Address Address(int i) => new("akka.tcp", "sys", "127.0.0.1", 2550 + i);

    public static UniqueAddress Node(int i, long? uid = null) => new(Address(i), uid ?? (1000 + i));

    public static Member Member(int i, MemberStatus status, int upNumber = int.MaxValue, params string[] roles) =>
        LithairAkka.Cluster.Member.Create(Node(i), upNumber, status, roles);

    public static Member Up(int i, int? upNumber = null, params string[] roles) =>
        LithairAkka.Cluster.Member.Create(Node(i), upNumber ?? i, MemberStatus.Up, roles);

    public static Member Joining(int i, params string[] roles) => LithairAkka.Cluster.Member.Create(Node(i), roles);

    public static Member WithStatus(int i, MemberStatus status, params string[] roles) =>
        LithairAkka.Cluster.Member.Create(Node(i), status is MemberStatus.Joining or MemberStatus.WeaklyUp ? int.MaxValue : i, status, roles);

    public static Gossip Gossip(params Member[] members) => new(members);

    public static Gossip SeenByAll(this Gossip gossip) => gossip.Members.Aggregate(gossip, (g, m) => g.Seen(m.UniqueAddress));

    public static Gossip WithReachability(this Gossip gossip, Reachability reachability) =>
        gossip.Copy(overview: gossip.Overview with { Reachability = reachability });

    public static ImmutableHashSet<UniqueAddress> Set(params int[] nodes) => [.. nodes.Select(n => Node(n))];

    public static readonly ImmutableHashSet<UniqueAddress> NoneConfirmed = [];
}
