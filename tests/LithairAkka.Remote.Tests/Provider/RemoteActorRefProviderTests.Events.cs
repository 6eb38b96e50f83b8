using LithairAkka.Remote.Events;
using LithairAkka.Remote.Tests.Support;

namespace LithairAkka.Remote.Tests.Provider;

public sealed partial class RemoteActorRefProviderTests
{
    [Fact]
    public async Task EventStream_AssociationThenPeerShutdown_PublishesAssociatedThenDisassociated()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var events = a.CreateTestProbe();
        a.Sys.EventStream.Subscribe(events.Ref, typeof(RemotingLifecycleEvent));
        var probe = b.CreateTestProbe();

        RemoteNodes.RemoteRef(a, b, probe.Ref).Tell("hello", null);
        await probe.ExpectMsgAsync<string>(Deadline);
        var associated = await events.ExpectMsgAsync<AssociatedEvent>(Deadline);
        await RemoteNodes.StopAsync(b);
        var disassociated = await events.ExpectMsgAsync<DisassociatedEvent>(Deadline);

        Assert.Equal(RemoteNodes.AddressOf(a), associated.LocalAddress);
        Assert.Equal(RemoteNodes.AddressOf(b), associated.RemoteAddress);
        Assert.False(associated.IsInbound);
        Assert.Equal(associated.RemoteUid, disassociated.RemoteUid);
        Assert.Equal(RemoteNodes.AddressOf(b), disassociated.RemoteAddress);
    }
}
