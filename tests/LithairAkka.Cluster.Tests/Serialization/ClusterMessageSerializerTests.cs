using System.Collections.Immutable;
using System.Runtime.Serialization;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using static LithairAkka.Cluster.Tests.TestNodes;
using SerializationRegistry = LithairAkka.Actors.Serialization.Serialization;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterMessageSerializerTests : IDisposable
{
    private readonly ExtendedActorSystem _system = (ExtendedActorSystem)ActorSystem.Create("serializers", ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Fact]
    public void InitJoin_RoundTrip_IsTheSingleton() =>
        Assert.Same(InternalClusterAction.InitJoin.Instance, RoundTrip(InternalClusterAction.InitJoin.Instance));

    [Fact]
    public void InitJoinAckAndNack_RoundTrip_KeepAddress()
    {
        Assert.Equal(Address(1), RoundTrip(new InternalClusterAction.InitJoinAck(Address(1))).Address);
        Assert.Equal(Address(2), RoundTrip(new InternalClusterAction.InitJoinNack(Address(2))).Address);
    }

    [Fact]
    public void Join_RoundTrip_KeepsNodeRolesAndVersion()
    {
        var join = new InternalClusterAction.Join(Node(3, uid: -42), ["storage", "api"], AppVersion.Parse("1.2.3-RC1"));

        var copy = RoundTrip(join);

        Assert.Equal(join.Node, copy.Node);
        Assert.True(join.Roles.SetEquals(copy.Roles));
        Assert.Equal(join.AppVersion, copy.AppVersion);
    }

    [Fact]
    public void Welcome_RoundTrip_KeepsGossip()
    {
        var gossip = RichGossip();

        var copy = RoundTrip(new InternalClusterAction.Welcome(Node(1), gossip));

        Assert.Equal(Node(1), copy.From);
        AssertSameGossip(gossip, copy.Gossip);
    }

    [Fact]
    public void GossipEnvelope_RoundTrip_KeepsSenderReceiverAndGossip()
    {
        var gossip = RichGossip();

        var copy = RoundTrip(new InternalClusterAction.GossipEnvelope(Node(1), Node(2), gossip));

        Assert.Equal(Node(1), copy.From);
        Assert.Equal(Node(2), copy.To);
        AssertSameGossip(gossip, copy.Gossip);
    }

    [Fact]
    public void GossipEnvelope_EmptyGossip_RoundTrips()
    {
        var copy = RoundTrip(new InternalClusterAction.GossipEnvelope(Node(1), Node(2), LithairAkka.Cluster.Gossip.Empty));

        AssertSameGossip(LithairAkka.Cluster.Gossip.Empty, copy.Gossip);
    }

    [Fact]
    public void GossipStatus_RoundTrip_KeepsVersion()
    {
        var version = VectorClock.Empty.Increment("a").Increment("b").Increment("a");

        var copy = RoundTrip(new InternalClusterAction.GossipStatus(Node(4), version));

        Assert.Equal(Node(4), copy.From);
        Assert.Equal(version, copy.Version);
    }

    [Fact]
    public void ExitingConfirmedLeaveDown_RoundTrip_KeepFields()
    {
        Assert.Equal(Node(5), RoundTrip(new InternalClusterAction.ExitingConfirmed(Node(5))).Node);
        Assert.Equal(Address(6), RoundTrip(new InternalClusterAction.Leave(Address(6))).Address);
        Assert.Equal(Address(7), RoundTrip(new InternalClusterAction.Down(Address(7))).Address);
    }

    [Fact]
    public void Heartbeats_RoundTrip_KeepFields()
    {
        var heartbeat = new ClusterHeartbeat.Heartbeat(Address(1), 17, long.MaxValue);
        var response = new ClusterHeartbeat.HeartbeatRsp(Node(2), 17, 123456789);

        Assert.Equal(heartbeat, RoundTrip(heartbeat));
        Assert.Equal(response, RoundTrip(response));
    }

    [Fact]
    public void FromBinary_TruncatedGossip_ThrowsSerializationException()
    {
        var serializer = SerializationRegistry.Get(_system).FindSerializerFor(new InternalClusterAction.GossipEnvelope(Node(1), Node(2), RichGossip()));
        var message = new InternalClusterAction.GossipEnvelope(Node(1), Node(2), RichGossip());
        var bytes = serializer.ToBinary(message);

        Assert.ThrowsAny<SerializationException>(() => serializer.FromBinary(bytes[..(bytes.Length / 2)], serializer.Manifest(message)));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "no-such-manifest"));
    }

    private static Gossip RichGossip()
    {
        var members = new[]
        {
            LithairAkka.Cluster.Member.Create(Node(1), 1, MemberStatus.Up, ["storage"], AppVersion.Parse("1.0.0")),
            LithairAkka.Cluster.Member.Create(Node(2), 2, MemberStatus.Leaving, ["api", "storage"], AppVersion.Parse("1.1.0")),
            LithairAkka.Cluster.Member.Create(Node(3), int.MaxValue, MemberStatus.Joining, [], AppVersion.Zero),
            LithairAkka.Cluster.Member.Create(Node(4), 3, MemberStatus.Down, [], AppVersion.Zero),
        };
        var reachability = Reachability.Empty.Unreachable(Node(1), Node(4)).Unreachable(Node(2), Node(4)).Terminated(Node(1), Node(3))
            .Reachable(Node(1), Node(3));
        return new Gossip(members)
            .Copy(overview: new GossipOverview([Node(1), Node(2)], reachability), tombstones: ImmutableDictionary<UniqueAddress, long>.Empty.Add(Node(9), 1234))
            .Increment(Node(1))
            .Increment(Node(2));
    }

    private static void AssertSameGossip(Gossip expected, Gossip actual)
    {
        Assert.Equal(
            expected.Members.Select(m => (m.UniqueAddress, m.Status, m.UpNumber, Roles: string.Join(",", m.Roles.Order(StringComparer.Ordinal)), m.AppVersion)),
            actual.Members.Select(m => (m.UniqueAddress, m.Status, m.UpNumber, Roles: string.Join(",", m.Roles.Order(StringComparer.Ordinal)), m.AppVersion)));
        Assert.True(expected.Overview.Seen.SetEquals(actual.Overview.Seen));
        Assert.Equal(expected.Overview.Reachability, actual.Overview.Reachability);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Tombstones.OrderBy(t => t.Key), actual.Tombstones.OrderBy(t => t.Key));
    }

    private T RoundTrip<T>(T message)
        where T : notnull
    {
        var registry = SerializationRegistry.Get(_system);
        var serializer = registry.FindSerializerFor(message);
        Assert.Equal(ClusterMessageSerializer.Id, serializer.Identifier);
        var bytes = serializer.ToBinary(message);
        return Assert.IsType<T>(registry.Deserialize(bytes, serializer.Identifier, serializer.Manifest(message)));
    }
}
