using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport;

public abstract partial class TransportContractTests
{
    [Fact]
    public async Task Reconnect_PeerRestartsOnTheSamePort_QueuedFramesReachTheNewIncarnation()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);
        var port = b.Address.Port;

        await b.DisposeAsync();
        await Eventually.HoldsAsync(() => a.EventsOf<DisassociatedEvent>().Count == 1, "A saw B go");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, Payload(50, i)));
        }

        await Eventually.HoldsAsync(() => a.Logs.Count("retrying in") >= 1, "a failed reconnect attempt");
        var restarted = await StartAsync(s => s with { Port = port });

        await Eventually.HoldsAsync(() => restarted.ReceivedCount == 10, "queued frames delivered after the restart");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => Payload(50, i)), restarted.Received.Select(f => f.Payload));
        Assert.Equal(restarted.Transport.Uid, a.Transport.GetAssociation(b.Address).RemoteUid);
    }

    [Fact]
    public async Task Quarantine_PeerReturnsWithANewUid_OldIncarnationQuarantinedAndItsFramesDropped()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var oldHandle = await Eventually.CompletesAsync(a.Transport.AssociateAsync(b.Address), "first association");
        var oldUid = b.Transport.Uid;
        var port = b.Address.Port;
        await b.DisposeAsync();
        await Eventually.HoldsAsync(() => a.EventsOf<DisassociatedEvent>().Count == 1, "A saw B go");

        var restarted = await StartAsync(s => s with { Port = port });
        var newHandle = await Eventually.CompletesAsync(a.Transport.AssociateAsync(restarted.Address), "second association");

        Assert.Equal(restarted.Transport.Uid, newHandle.RemoteUid);
        await Eventually.HoldsAsync(() => a.EventsOf<QuarantinedEvent>().Count == 1, "Quarantined event");
        var quarantined = a.EventsOf<QuarantinedEvent>()[0];
        Assert.Equal(oldUid, quarantined.RemoteUid);
        Assert.Equal(b.Address, quarantined.RemoteAddress);
        var events = a.Events.Where(e => e is QuarantinedEvent or AssociatedEvent).ToList();
        Assert.IsType<QuarantinedEvent>(events[^2]);
        Assert.IsType<AssociatedEvent>(events[^1]);
        Assert.True(a.Transport.GetAssociation(b.Address).IsQuarantined(oldUid));
        Assert.Equal(SendResult.Quarantined, oldHandle.TrySend("for the dead"u8));
        Assert.Equal(SendResult.Enqueued, newHandle.TrySend("for the living"u8));
        await Eventually.HoldsAsync(() => restarted.ReceivedCount == 1, "frame for the new uid");
        Assert.Equal("for the living"u8.ToArray(), restarted.Received[0].Payload);
    }

    [Fact]
    public async Task Quarantine_ExplicitCall_ClosesTheConnectionAndRefusesThatIncarnationForGood()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        Assert.True(a.Transport.Quarantine(b.Address, b.Transport.Uid, "downed by the cluster"));

        Assert.False(a.Transport.Quarantine(b.Address, b.Transport.Uid, "again"));
        await Eventually.HoldsAsync(() => a.EventsOf<QuarantinedEvent>().Count == 1, "Quarantined event");
        await Eventually.HoldsAsync(() => b.EventsOf<DisassociatedEvent>().Count == 1, "B lost the connection");
        b.Transport.TrySend(a.Address, "let me back in"u8);
        await Eventually.HoldsAsync(() => b.Logs.Contains(LogLevel.Error, "is quarantined by"), "B learns it is quarantined");
        Assert.True(a.Logs.Contains(LogLevel.Warning, "is quarantined"), a.Logs.Dump());
        Assert.Single(a.EventsOf<AssociatedEvent>());
        Assert.Equal(0, a.ReceivedCount);
    }

    [Fact]
    public async Task SimultaneousConnect_BothNodesDialEachOther_ExactlyOneConnectionSurvives()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = await StartAsync();
            var b = await StartAsync();

            await Eventually.CompletesAsync(
                Task.WhenAll(a.Transport.AssociateAsync(b.Address), b.Transport.AssociateAsync(a.Address)), "both associated");

            await Eventually.HoldsAsync(
                () => a.Transport.Statistics.OpenConnections == 1 && b.Transport.Statistics.OpenConnections == 1, "one connection each");
            a.Transport.TrySend(b.Address, "a"u8);
            b.Transport.TrySend(a.Address, "b"u8);
            await Eventually.HoldsAsync(() => a.ReceivedCount == 1 && b.ReceivedCount == 1, "traffic both ways");
            await Eventually.HoldsAsync(() => a.EventsOf<AssociatedEvent>().Count >= 1 && b.EventsOf<AssociatedEvent>().Count >= 1, "events dispatched");
            Assert.Single(a.EventsOf<AssociatedEvent>());
            Assert.Single(b.EventsOf<AssociatedEvent>());
            Assert.Empty(a.EventsOf<DisassociatedEvent>());
            Assert.Empty(b.EventsOf<DisassociatedEvent>());
            Assert.NotEqual(a.EventsOf<AssociatedEvent>()[0].IsInbound, b.EventsOf<AssociatedEvent>()[0].IsInbound);
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task DisposeAsync_AssociatedPair_ClosesEverythingAndThePeerSeesAGracefulDisassociation()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);
        for (var i = 0; i < 100; i++)
        {
            a.Transport.TrySend(b.Address, Payload(10, i));
        }

        await a.DisposeAsync();

        Assert.Equal(0, a.Transport.Statistics.OpenConnections);
        await Eventually.HoldsAsync(() => b.ReceivedCount == 100, "frames queued before disposal drained");
        await Eventually.HoldsAsync(() => b.EventsOf<DisassociatedEvent>().Count == 1, "B disassociated");
        Assert.Contains("shutting down", b.EventsOf<DisassociatedEvent>()[0].Reason, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => b.Transport.Statistics.OpenConnections == 0, "B closed its side");
        Assert.Equal(SendResult.ShutDown, a.Transport.TrySend(b.Address, "late"u8));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Transport.AssociateAsync(b.Address));
        Assert.Single(a.EventsOf<DisassociatedEvent>());
    }

    [Fact]
    public async Task DisposeAsync_WithAPendingAssociateAsync_FailsTheWaiter()
    {
        var a = await StartAsync();
        var nowhere = new RemoteAddress("127.0.0.1", EndPoint(a).Port == 1 ? 2 : 1);
        var pending = a.Transport.AssociateAsync(nowhere);

        await a.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        Assert.Equal(0, a.Transport.Statistics.OpenConnections);
    }
}
