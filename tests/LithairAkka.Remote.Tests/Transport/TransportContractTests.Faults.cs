using System.Diagnostics;
using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.FaultInjection;

namespace LithairAkka.Remote.Tests.Transport;

/// <remarks>
/// "Nothing arrived" is proven without waiting for a silence: after the faulty phase the rule is healed and a
/// marker is sent on the same association; frames are ordered, so once the marker is in, anything sent before
/// it would be in too.
/// </remarks>
public abstract partial class TransportContractTests
{
    private static readonly byte[] Marker = "marker"u8.ToArray();

    [Theory]
    [InlineData(FaultDirection.Send)]
    [InlineData(FaultDirection.Receive)]
    [InlineData(FaultDirection.Both)]
    public async Task Faults_Blackhole_DropsExactlyTheBlackholedDirectionAndKeepsTheConnection(FaultDirection direction)
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        a.Transport.Faults.Blackhole(b.Address, direction);
        for (var i = 0; i < 20; i++)
        {
            a.Transport.TrySend(b.Address, Payload(30, i));
            b.Transport.TrySend(a.Address, Payload(30, 100 + i));
        }

        var sendLost = direction is FaultDirection.Send or FaultDirection.Both;
        var receiveLost = direction is FaultDirection.Receive or FaultDirection.Both;
        if (!sendLost)
        {
            await Eventually.HoldsAsync(() => b.ReceivedCount == 20, "A to B unaffected");
        }

        if (!receiveLost)
        {
            await Eventually.HoldsAsync(() => a.ReceivedCount == 20, "B to A unaffected");
        }

        await Eventually.HoldsAsync(() => a.Transport.Statistics.FaultDropped == (sendLost ? 20 : 0) + (receiveLost ? 20 : 0), "drops counted");
        a.Transport.Faults.Heal();
        a.Transport.TrySend(b.Address, Marker);
        b.Transport.TrySend(a.Address, Marker);
        await Eventually.HoldsAsync(() => b.HasReceived(Marker) && a.HasReceived(Marker), "markers after heal");
        Assert.Equal(sendLost ? 1 : 21, b.ReceivedCount);
        Assert.Equal(receiveLost ? 1 : 21, a.ReceivedCount);
        Assert.Empty(a.EventsOf<DisassociatedEvent>());
        Assert.Empty(b.EventsOf<DisassociatedEvent>());
        Assert.Equal(1, a.Transport.Statistics.OpenConnections);
    }

    [Fact]
    public async Task Faults_DropFraction_SeededSamplerDropsTheExpectedShare()
    {
        const int count = 10_000;
        const double fraction = 0.3;
        const int seed = 42;
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);
        var random = new Random(seed);
        var expectedKept = Enumerable.Range(0, count).Count(_ => random.NextDouble() >= fraction);

        a.Transport.Faults.Drop(b.Address, fraction, seed, FaultDirection.Send);
        var association = a.Transport.GetAssociation(b.Address);
        for (var i = 0; i < count; i++)
        {
            association.TrySend(Payload(8, i));
        }

        a.Transport.Faults.Heal(b.Address);
        association.TrySend(Marker);
        await Eventually.HoldsAsync(() => b.HasReceived(Marker), "marker after heal");
        var kept = b.ReceivedCount - 1;
        Assert.InRange(kept, 6_500, 7_500);
        Assert.Equal(expectedKept, kept);
        Assert.Equal(count - kept, a.Transport.Statistics.FaultDropped);
    }

    [Fact]
    public async Task Faults_Delay_FramesArriveNoSoonerThanTheDelayAndInOrder()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        a.Transport.Faults.Delay(b.Address, delay);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            a.Transport.TrySend(b.Address, Payload(20, i));
        }

        await Eventually.HoldsAsync(() => b.ReceivedCount >= 1, "first delayed frame");
        var elapsed = stopwatch.Elapsed;
        await Eventually.HoldsAsync(() => b.ReceivedCount == 5, "every delayed frame");

        Assert.True(elapsed >= delay, $"arrived after {elapsed.TotalMilliseconds} ms");
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Payload(20, i)), b.Received.Select(f => f.Payload));
        Assert.Equal(1, a.Transport.Statistics.OpenConnections);
    }

    [Fact]
    public async Task Faults_HealAfterBlackhole_TrafficFlowsAgainOnTheSameConnection()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);
        a.Transport.Faults.Blackhole(b.Address);
        b.Transport.Faults.Blackhole(a.Address);
        a.Transport.TrySend(b.Address, "lost"u8);

        a.Transport.Faults.Heal();
        b.Transport.Faults.Heal();
        a.Transport.TrySend(b.Address, Marker);
        b.Transport.TrySend(a.Address, Marker);

        await Eventually.HoldsAsync(() => b.HasReceived(Marker) && a.HasReceived(Marker), "traffic after heal");
        Assert.False(b.HasReceived("lost"u8.ToArray()));
        await Eventually.HoldsAsync(() => a.EventsOf<AssociatedEvent>().Count >= 1, "Associated dispatched");
        Assert.Single(a.EventsOf<AssociatedEvent>());
        Assert.Empty(a.Transport.Faults.Rules);
    }
}
