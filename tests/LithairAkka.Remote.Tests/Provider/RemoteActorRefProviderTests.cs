using LithairAkka.Actors;
using LithairAkka.Remote.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Remote.Tests.Provider;

[Collection(MultiNodeCollection.Name)]
public sealed partial class RemoteActorRefProviderTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public void DefaultAddress_BoundOnPortZero_IsAkkaTcpWithTheBoundPort()
    {
        var node = _nodes.Start();
        var provider = (RemoteActorRefProvider)((ExtendedActorSystem)node.Sys).Provider;

        var address = provider.DefaultAddress;

        Assert.Equal("akka.tcp", address.Protocol);
        Assert.Equal(node.Sys.Name, address.System);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(provider.Transport.BoundEndPoint!.Port, address.Port);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public void ResolveActorRef_OwnExternalAddress_ReturnsTheLocalRef()
    {
        var node = _nodes.Start();
        var actor = node.Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var provider = ((ExtendedActorSystem)node.Sys).Provider;

        var resolved = provider.ResolveActorRef(RemoteNodes.RemotePathOf(node, actor).WithUid(actor.Path.Uid));

        Assert.Same(actor, resolved);
    }

    [Fact]
    public void ResolveActorRef_OtherNode_ReturnsARemoteRefWithThatPath()
    {
        var node = _nodes.Start();
        var path = ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/someone#42");

        var resolved = ((ExtendedActorSystem)node.Sys).Provider.ResolveActorRef(path);

        var remote = Assert.IsType<RemoteActorRef>(resolved);
        Assert.Equal(path, remote.Path);
        Assert.Equal(42, remote.Path.Uid);
        Assert.False(remote.IsLocal);
    }

    [Fact]
    public async Task Tell_AcrossNodesBothWays_Arrives()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probeA = a.CreateTestProbe();
        var probeB = b.CreateTestProbe();

        RemoteNodes.RemoteRef(a, b, probeB.Ref).Tell("from a", probeA.Ref);
        RemoteNodes.RemoteRef(b, a, probeA.Ref).Tell("from b", probeB.Ref);

        Assert.Equal("from a", await probeB.ExpectMsgAsync<string>(Deadline));
        Assert.Equal("from b", await probeA.ExpectMsgAsync<string>(Deadline));
    }

    [Fact]
    public async Task Tell_RemoteActorRepliesToSender_ReplyArrivesFromTheRemoteActor()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var echo = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = a.CreateTestProbe();
        var remoteEcho = RemoteNodes.RemoteRef(a, b, echo);

        remoteEcho.Tell(new Greeting("hello", 3, probe.Ref), probe.Ref);

        var reply = await probe.ExpectMsgAsync<Greeting>(Deadline);
        Assert.Equal("hello", reply.Text);
        Assert.Equal(3, reply.Count);
        Assert.Equal(probe.Ref, reply.ReplyTo);
        Assert.Equal(remoteEcho, probe.Sender);
    }

    [Fact]
    public async Task Ask_RemoteActor_CompletesWithTheReply()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var echo = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var reply = await RemoteNodes.RemoteRef(a, b, echo).Ask<int>(42, Deadline);

        Assert.Equal(42, reply);
    }

    [Fact]
    public async Task ActorSelection_RemotePathWithIdentify_ResolvesTheRemoteActor()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var echo = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var selection = a.Sys.ActorSelection(RemoteNodes.AddressOf(b) + "/user/echo");

        var resolved = await selection.ResolveOne(Deadline);

        var remote = Assert.IsType<RemoteActorRef>(resolved);
        Assert.Equal(RemoteNodes.RemotePathOf(b, echo), remote.Path);
        Assert.Equal(echo.Path.Uid, remote.Path.Uid);
        Assert.Equal("through the ref", await resolved.Ask<string>("through the ref", Deadline));
    }

    [Fact]
    public async Task ActorSelection_RemotePathWithoutActor_IdentifiesNobody()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var selection = a.Sys.ActorSelection(RemoteNodes.AddressOf(b) + "/user/missing");

        var identity = await selection.Ask<ActorIdentity>(new Identify("who"), Deadline);

        Assert.Equal("who", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public async Task ActorSelection_RemoteWildcard_DeliversToEveryMatch()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probe = a.CreateTestProbe();
        var remoteProbe = RemoteNodes.RemoteRef(b, a, probe.Ref);
        b.Sys.ActorOf(Props.Create(() => new ForwardActor(remoteProbe)), "worker-1");
        b.Sys.ActorOf(Props.Create(() => new ForwardActor(remoteProbe)), "worker-2");

        a.Sys.ActorSelection(RemoteNodes.AddressOf(b) + "/user/worker-*").Tell("fan out", probe.Ref);

        Assert.Equal("fan out", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal("fan out", await probe.ExpectMsgAsync<string>(Deadline));
    }
}
