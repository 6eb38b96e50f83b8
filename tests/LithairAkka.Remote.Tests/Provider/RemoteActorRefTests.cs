using LithairAkka.Actors;
using LithairAkka.Remote.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Remote.Tests.Provider;

[Collection(MultiNodeCollection.Name)]
public sealed class RemoteActorRefTests(ITestOutputHelper output) : IDisposable
{
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public void Equals_SamePathAndUid_AreEqualAcrossResolutions()
    {
        var provider = ProviderOf(_nodes.Start());
        var path = ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a#7");

        var first = provider.ResolveActorRef(path);
        var second = provider.ResolveActorRef(path.ToSerializationFormat());

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_OtherUidOrAddress_AreDifferent()
    {
        var provider = ProviderOf(_nodes.Start());

        var a = provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a#7"));

        Assert.NotEqual(a, provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a#8")));
        Assert.NotEqual(a, provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:2/user/a#7")));
    }

    [Fact]
    public void GetChild_AndParent_StayOnTheSameNode()
    {
        var provider = ProviderOf(_nodes.Start());
        var parent = (RemoteActorRef)provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a"));

        var child = Assert.IsType<RemoteActorRef>(parent.GetChild(["b", "c"]));

        Assert.Equal("akka.tcp://TestKit@127.0.0.1:1/user/a/b/c", child.Path.ToString());
        Assert.Equal(parent.RemoteAddress, child.RemoteAddress);
        Assert.Equal("akka.tcp://TestKit@127.0.0.1:1/user", parent.Parent.Path.ToString());
        Assert.Same(parent, parent.GetChild([]));
    }

    [Fact]
    public void Tell_NullMessage_Throws()
    {
        var provider = ProviderOf(_nodes.Start());
        var remote = provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a"));

        Assert.Throws<ArgumentNullException>(() => remote.Tell(null!, null));
    }

    [Fact]
    public void IsTerminated_RemoteRef_IsFalseAndNotLocal()
    {
        var provider = ProviderOf(_nodes.Start());

        var remote = (IInternalActorRef)provider.ResolveActorRef(ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/a"));

        Assert.False(remote.IsTerminated);
        Assert.False(remote.IsLocal);
        Assert.Same(provider, remote.Provider);
    }

    [Fact]
    public async Task Stop_RemoteRef_StopsTheRemoteActor()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var target = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = b.CreateTestProbe();
        watcher.Watch(target);

        a.Sys.Stop(RemoteNodes.RemoteRef(a, b, target));

        await watcher.ExpectMsgAsync<Terminated>(TimeSpan.FromSeconds(10));
    }

    private static IActorRefProvider ProviderOf(LithairAkka.TestKit.Xunit2.TestKit node) => ((ExtendedActorSystem)node.Sys).Provider;
}
