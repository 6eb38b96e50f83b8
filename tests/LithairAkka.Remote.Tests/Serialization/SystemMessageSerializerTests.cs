using LithairAkka.Actors;
using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Remote.Serialization;

namespace LithairAkka.Remote.Tests.Serialization;

public sealed class SystemMessageSerializerTests(SerializerTestNode node) : IClassFixture<SerializerTestNode>
{
    private IInternalActorRef Remote(string name) =>
        (IInternalActorRef)node.System.Provider.ResolveActorRef(ActorPath.Parse($"akka.tcp://serializers@127.0.0.1:1/user/{name}#5"));

    [Fact]
    public void Watch_RoundTripsBothRefs()
    {
        var watcher = (IInternalActorRef)node.System.ActorOf(Props.Create(() => new Support.EchoActor()));

        var watch = node.RoundTrip(new Watch(Remote("watchee"), watcher), SystemMessageSerializer.Id);

        Assert.Equal(Remote("watchee"), watch.Watchee);
        Assert.Same(watcher, watch.Watcher);
    }

    [Fact]
    public void Unwatch_RoundTrips()
    {
        var unwatch = node.RoundTrip(new Unwatch(Remote("a"), Remote("b")), SystemMessageSerializer.Id);

        Assert.Equal(Remote("a"), unwatch.Watchee);
        Assert.Equal(Remote("b"), unwatch.Watcher);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void DeathWatchNotification_RoundTripsFlags(bool existenceConfirmed, bool addressTerminated)
    {
        var notification = node.RoundTrip(new DeathWatchNotification(Remote("dead"), existenceConfirmed, addressTerminated), SystemMessageSerializer.Id);

        Assert.Equal(Remote("dead"), notification.Actor);
        Assert.Equal(existenceConfirmed, notification.ExistenceConfirmed);
        Assert.Equal(addressTerminated, notification.AddressTerminated);
    }

    [Fact]
    public void Terminate_RoundTripsToTheSingleton() =>
        Assert.Same(Terminate.Instance, node.RoundTrip(Terminate.Instance, SystemMessageSerializer.Id));
}
