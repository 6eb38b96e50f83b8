using LithairAkka.Actors;
using LithairAkka.Remote.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Remote.Tests.Endpoint;

[Collection(MultiNodeCollection.Name)]
public sealed class EndpointWriterTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task Send_100kMessagesFromOneSender_ArriveInOrder()
    {
        const int count = 100_000;
        const string config = "akka.remote.outbound-message-queue-size = 400000";
        var a = _nodes.Start(config);
        var b = _nodes.Start(config);
        var probe = b.CreateTestProbe();
        var checker = b.Sys.ActorOf(Props.Create(() => new SequenceChecker(count, probe.Ref)), "checker");
        var sender = a.Sys.ActorOf(Props.Create(() => new SequenceSender(RemoteNodes.RemoteRef(a, b, checker), count)), "sender");

        sender.Tell("go", null);

        Assert.Equal($"in order: {count}", await probe.ExpectMsgAsync<string>(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Send_OversizedMessage_IsRefusedAndCountedAndTheAssociationStaysUp()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probe = b.CreateTestProbe();
        var remoteProbe = RemoteNodes.RemoteRef(a, b, probe.Ref);
        remoteProbe.Tell("before", null);
        Assert.Equal("before", await probe.ExpectMsgAsync<string>(Deadline));

        remoteProbe.Tell(new byte[200_000], null);
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        var remoting = RemoteExtension.Get(a.Sys);
        Assert.Equal(1, remoting.TransportStatistics.DroppedOversized);
        Assert.True(remoting.Transport.GetAssociation(RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b))).IsAssociated);
    }

    [Fact]
    public async Task Send_UnserializableMessage_IsCountedAndTheSenderKeepsRunning()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probe = b.CreateTestProbe();
        var localProbe = a.CreateTestProbe();
        var remoteProbe = RemoteNodes.RemoteRef(a, b, probe.Ref);
        var relay = a.Sys.ActorOf(Props.Create(() => new ForwardActor(remoteProbe)), "relay");
        localProbe.Watch(relay);

        relay.Tell(new Unserializable(() => 1), null);
        relay.Tell("still alive", null);

        Assert.Equal("still alive", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal(1, RemoteExtension.Get(a.Sys).Statistics.SerializationFailures);
        await localProbe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Send_AfterThePeerRestartedOnTheSamePort_ReachesTheNewIncarnation()
    {
        var a = _nodes.Start();
        var b1 = _nodes.Start();
        var port = RemoteNodes.PortOf(b1);
        var path = RemoteNodes.AddressOf(b1) + "/user/target";
        b1.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var probe = a.CreateTestProbe();
        a.Sys.ActorSelection(path).Tell("first", probe.Ref);
        Assert.Equal("first", await probe.ExpectMsgAsync<string>(Deadline));

        await RemoteNodes.StopAsync(b1);
        var b2 = _nodes.Start(port: port);
        b2.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");

        await probe.AwaitAssertAsync(
            async () =>
            {
                a.Sys.ActorSelection(path).Tell("second", probe.Ref);
                Assert.Equal("second", await probe.ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(500)));
            },
            Deadline,
            TimeSpan.FromMilliseconds(100));
        Assert.NotEqual(RemoteExtension.Get(b1.Sys).Uid, RemoteExtension.Get(b2.Sys).Uid);
    }

    private sealed record Unserializable(Func<int> Callback);

    private sealed class SequenceSender : ReceiveActor
    {
        public SequenceSender(IActorRef target, int count) =>
            Receive<string>(_ =>
            {
                for (var i = 0; i < count; i++)
                {
                    target.Tell(i, Self);
                }
            });
    }

    private sealed class SequenceChecker : ReceiveActor
    {
        private int _next;

        public SequenceChecker(int count, IActorRef report) =>
            Receive<int>(i =>
            {
                if (i != _next)
                {
                    report.Tell($"out of order: expected {_next}, got {i}", Self);
                    _next = int.MinValue;
                    return;
                }

                if (++_next == count)
                {
                    report.Tell($"in order: {count}", Self);
                }
            });
    }
}
