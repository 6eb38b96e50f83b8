using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport;

public abstract partial class TransportContractTests
{
    // Port 1 is privileged and never listened on by the tests: connecting is refused at once.
    private static readonly RemoteAddress Unreachable = new("127.0.0.1", 1);

    [Fact]
    public async Task TrySend_QueueAtCapacity_ReturnsQueueFullLoggedOnceAndCounted()
    {
        var a = await StartAsync(s => s with { OutboundMessageQueueSize = 10, ReconnectBackoffMin = TimeSpan.FromSeconds(5), RetryGateClosedFor = TimeSpan.FromSeconds(5) });
        var association = a.Transport.GetAssociation(Unreachable);

        var results = Enumerable.Range(0, 12).Select(_ => association.TrySend("x"u8)).ToList();

        Assert.Equal(10, results.Count(r => r == SendResult.Enqueued));
        Assert.Equal([SendResult.QueueFull, SendResult.QueueFull], results.Skip(10));
        Assert.Equal(2, a.Transport.Statistics.DroppedQueueFull);
        Assert.Equal(1, a.Logs.Count("is full (10 frames)"));
        Assert.Equal(10, association.QueuedFrames);
    }

    [Fact]
    public async Task SendAsync_QueueAtCapacity_WaitsUntilCancelled()
    {
        var a = await StartAsync(s => s with { OutboundMessageQueueSize = 1, ReconnectBackoffMin = TimeSpan.FromSeconds(5), RetryGateClosedFor = TimeSpan.FromSeconds(5) });
        var association = a.Transport.GetAssociation(Unreachable);
        Assert.Equal(SendResult.Enqueued, await association.SendAsync("first"u8.ToArray()));
        using var cancel = new CancellationTokenSource();

        var waiting = association.SendAsync("second"u8.ToArray(), token: cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, association.QueuedFrames);
    }

    [Fact]
    public async Task Reconnect_PeerSilentLongerThanQuarantineAfterSilence_QuarantinesItAndDropsItsFrames()
    {
        var a = await StartAsync(s => s with { QuarantineAfterSilence = TimeSpan.FromMilliseconds(300) });
        var b = await StartAsync();
        await AssociateAsync(a, b);
        var uid = b.Transport.Uid;
        await b.DisposeAsync();
        await Eventually.HoldsAsync(() => a.EventsOf<DisassociatedEvent>().Count == 1, "A saw B go");

        a.Transport.TrySend(b.Address, "into the void"u8);

        await Eventually.HoldsAsync(() => a.EventsOf<QuarantinedEvent>().Count == 1, "quarantined after silence");
        Assert.Equal(uid, a.EventsOf<QuarantinedEvent>()[0].RemoteUid);
        Assert.Contains("quarantine-after-silence", a.EventsOf<QuarantinedEvent>()[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, a.Transport.GetAssociation(b.Address).QueuedFrames);
        Assert.True(a.Transport.Statistics.DroppedQuarantined >= 1);
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"Quarantined {b.Address} uid {uid}"), a.Logs.Dump());
    }

    [Fact]
    public async Task AssociateAsync_Cancelled_ThrowsAndLeavesNoWaiter()
    {
        var a = await StartAsync(s => s with { ReconnectBackoffMin = TimeSpan.FromSeconds(5), RetryGateClosedFor = TimeSpan.FromSeconds(5) });
        using var cancel = new CancellationTokenSource();

        var pending = a.Transport.AssociateAsync(Unreachable, cancel.Token);
        await Eventually.HoldsAsync(() => a.Logs.Count("retrying in") >= 1, "a failed attempt");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.False(a.Transport.GetAssociation(Unreachable).IsAssociated);
    }
}
