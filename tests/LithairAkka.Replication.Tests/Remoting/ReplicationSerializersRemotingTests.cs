using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Remote;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;

namespace LithairAkka.Replication.Tests.Remoting;

[Collection(MultiSystemCollection.Name)]
public sealed class ReplicationSerializersRemotingTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private const string RemoteConfig = """
        akka.actor.provider = remote
        akka.loglevel = ERROR
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        """;

    public ReplicationSerializersRemotingTests()
        : base(RemoteConfig)
    {
    }

    [Fact]
    public async Task Receive_UnknownManifest_DroppedAndCountedNextMessageDelivered()
    {
        var foreignConfig = ConfigurationFactory.ParseString("""
            akka.actor.serializers.lithair-replication-client = "LithairAkka.Replication.Tests.Remoting.ForeignClientSerializer, LithairAkka.Replication.Tests"
            akka.actor.serialization-bindings."LithairAkka.Replication.Tests.Remoting.ForeignMessage, LithairAkka.Replication.Tests" = lithair-replication-client
            """).WithFallback(ConfigurationFactory.ParseString(RemoteConfig));
        var sender = ActorSystem.Create(Sys.Name, foreignConfig);
        try
        {
            var address = RemoteExtension.Get(Sys).Address;
            var target = ((ExtendedActorSystem)sender).Provider.ResolveActorRef(
                ActorPath.Parse(TestActor.Path.ToStringWithAddress(address)));

            target.Tell(new ForeignMessage("hello from the future"));
            target.Tell(new TimeoutNowRequest(3, new GroupId(1), new NodeId(1), new NodeId(2)));

            var delivered = await ExpectMsgAsync<TimeoutNowRequest>(TimeSpan.FromSeconds(10));
            Assert.Equal(3, delivered.Term);
            Assert.True(RemoteExtension.Get(Sys).Statistics.DeserializationFailures >= 1);
            Assert.False(Sys.WhenTerminated.IsCompleted);
        }
        finally
        {
            await sender.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task AskOverRemoting_NotLeaderAnswer_CrossesTheWire()
    {
        var other = ActorSystem.Create(Sys.Name, ConfigurationFactory.ParseString(RemoteConfig));
        try
        {
            var address = RemoteExtension.Get(Sys).Address;
            var echo = Sys.ActorOf(Props.Create(() => new NotLeaderEcho()), "echo");
            var remote = ((ExtendedActorSystem)other).Provider.ResolveActorRef(ActorPath.Parse(echo.Path.ToStringWithAddress(address)));

            var answer = await remote.Ask(new Propose(new byte[] { 1 }), TimeSpan.FromSeconds(10));

            Assert.Equal(new NotLeader(new NodeId(9)), answer);
        }
        finally
        {
            await other.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    private sealed class NotLeaderEcho : ReceiveActor
    {
        public NotLeaderEcho() => Receive<Propose>(_ => Sender.Tell(new NotLeader(new NodeId(9))));
    }
}
