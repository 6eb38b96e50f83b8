using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Remote.Tests.Support;
using LithairAkka.Remote.Transport.FaultInjection;
using Xunit.Abstractions;

namespace LithairAkka.Remote.Tests.Provider;

[Collection(MultiNodeCollection.Name)]
public sealed class RemoteExtensionTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public void Get_LocalProvider_ThrowsAConfigurationErrorNamingTheKey()
    {
        using var system = ActorSystem.Create("local");

        var error = Assert.Throws<ConfigurationException>(() => RemoteExtension.Get(system));

        Assert.Equal("akka.actor.provider", error.Path);
    }

    [Fact]
    public void Get_RemoteProvider_ExposesAddressUidAndTransport()
    {
        var node = _nodes.Start();

        var remoting = RemoteExtension.Get(node.Sys);

        Assert.Equal(((ExtendedActorSystem)node.Sys).Provider.DefaultAddress, remoting.Address);
        Assert.Equal(remoting.Transport.Uid, remoting.Uid);
        Assert.Same(remoting.Transport.Faults, remoting.Faults);
        Assert.Same(remoting, RemoteExtension.Get(node.Sys));
    }

    [Fact]
    public void ToRemoteAddress_AkkaTcpAddress_GivesHostAndPort()
    {
        var remote = RemoteExtension.ToRemoteAddress(Address.Parse("akka.tcp://sys@Node-1:4053"));

        Assert.Equal("node-1", remote.Host);
        Assert.Equal(4053, remote.Port);
        Assert.Throws<ArgumentException>(() => RemoteExtension.ToRemoteAddress(Address.Parse("akka://sys")));
    }

    [Fact]
    public async Task Faults_BlackholeThenHeal_StopsDeliveryThenRestoresIt()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probe = b.CreateTestProbe();
        var remoteProbe = RemoteNodes.RemoteRef(a, b, probe.Ref);
        remoteProbe.Tell("before", null);
        Assert.Equal("before", await probe.ExpectMsgAsync<string>(Deadline));
        var faults = RemoteExtension.Get(a.Sys).Faults;
        var peer = RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b));

        faults.Blackhole(peer, FaultDirection.Send);
        remoteProbe.Tell("lost", null);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        faults.Heal();
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.True(RemoteExtension.Get(a.Sys).TransportStatistics.FaultDropped >= 1);
    }

    [Fact]
    public async Task Statistics_MessagesBothWays_AreCounted()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var echo = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Assert.Equal("ping", await RemoteNodes.RemoteRef(a, b, echo).Ask<string>("ping", Deadline));

        Assert.Equal(1, RemoteExtension.Get(a.Sys).Statistics.MessagesSent);
        Assert.Equal(1, RemoteExtension.Get(a.Sys).Statistics.MessagesReceived);
        Assert.Equal(1, RemoteExtension.Get(b.Sys).Statistics.MessagesReceived);
        Assert.Equal(1, RemoteExtension.Get(b.Sys).Statistics.MessagesSent);
    }
}
