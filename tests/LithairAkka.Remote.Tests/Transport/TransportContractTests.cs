using System.Buffers;
using System.Diagnostics.Metrics;
using System.Net;
using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Tests.Transport;

/// <summary>
/// The transport contract: every configuration of <see cref="RemoteTransport"/> (plain TCP, TLS) must pass it.
/// Thin subclasses decide how a node is secured. Nodes bind port 0 on 127.0.0.1; every wait has a deadline.
/// </summary>
public abstract partial class TransportContractTests : IAsyncLifetime
{
    private readonly List<TestNode> _nodes = [];

    protected static RemoteTransportSettings BaseSettings { get; } = new()
    {
        SystemName = "contract",
        Hostname = "127.0.0.1",
        Port = 0,
        ReconnectBackoffMin = TimeSpan.FromMilliseconds(20),
        RetryGateClosedFor = TimeSpan.FromMilliseconds(200),
        HandshakeTimeout = TimeSpan.FromSeconds(10),
        ConnectionTimeout = TimeSpan.FromSeconds(5),
        FlushWaitOnShutdown = TimeSpan.FromSeconds(1),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>Adds the transport flavour's security settings (none for plain TCP, certificates for TLS).</summary>
    protected abstract RemoteTransportSettings Secure(RemoteTransportSettings settings, int nodeIndex);

    /// <summary>Wraps a raw client stream the way the flavour needs (TLS handshake with a trusted certificate).</summary>
    protected virtual Task<Stream> WrapRawClientAsync(Stream stream) => Task.FromResult(stream);

    private protected async Task<TestNode> StartAsync(
        Func<RemoteTransportSettings, RemoteTransportSettings>? configure = null,
        InboundFrameHandler? handler = null,
        long uid = 0)
    {
        var settings = Secure(BaseSettings, _nodes.Count);
        if (configure is not null)
        {
            settings = configure(settings);
        }

        var node = await TestNode.StartAsync(settings, handler, uid);
        _nodes.Add(node);
        return node;
    }

    private protected static async Task AssociateAsync(TestNode from, TestNode to)
    {
        await Eventually.CompletesAsync(from.Transport.AssociateAsync(to.Address), $"{from.Address} associated with {to.Address}");
        await Eventually.HoldsAsync(() => to.Transport.GetAssociation(from.Address).IsAssociated, $"{to.Address} associated with {from.Address}");
    }

    private protected static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private protected static void Echo(AssociationHandle from, ReadOnlySequence<byte> payload) =>
        from.TrySend(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());

    private protected static IPEndPoint EndPoint(TestNode node) => node.Transport.BoundEndPoint!;

    [Fact]
    public async Task AssociateAsync_TwoNodes_BothSidesAssociatedWithTheRightUid()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        var handle = await Eventually.CompletesAsync(a.Transport.AssociateAsync(b.Address), "association");

        Assert.Equal(b.Transport.Uid, handle.RemoteUid);
        Assert.Equal(b.Address, handle.RemoteAddress);
        Assert.False(handle.IsInbound);
        await Eventually.HoldsAsync(() => b.EventsOf<AssociatedEvent>().Count == 1, "B's Associated event");
        var inbound = b.EventsOf<AssociatedEvent>()[0];
        Assert.True(inbound.IsInbound);
        Assert.Equal(a.Address, inbound.RemoteAddress);
        Assert.Equal(a.Transport.Uid, inbound.RemoteUid);
        await Eventually.HoldsAsync(() => a.EventsOf<AssociatedEvent>().Count == 1, "A's Associated event");
    }

    [Fact]
    public async Task AssociateAsync_BackFromTheAcceptor_ReusesTheSameConnection()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        var back = await Eventually.CompletesAsync(b.Transport.AssociateAsync(a.Address), "reverse association");

        Assert.True(back.IsInbound);
        Assert.Equal(a.Transport.Uid, back.RemoteUid);
        Assert.Equal(1, a.Transport.Statistics.OpenConnections);
        Assert.Equal(1, b.Transport.Statistics.OpenConnections);
    }

    [Fact]
    public async Task TrySend_BothDirections_FramesArriveWithTheSenderHandle()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, "ping"u8));
        Assert.Equal(SendResult.Enqueued, b.Transport.TrySend(a.Address, "pong"u8));

        await Eventually.HoldsAsync(() => b.ReceivedCount == 1 && a.ReceivedCount == 1, "one frame each way");
        Assert.Equal("ping"u8.ToArray(), b.Received[0].Payload);
        Assert.Equal(a.Address, b.Received[0].From.RemoteAddress);
        Assert.Equal("pong"u8.ToArray(), a.Received[0].Payload);
        Assert.Equal(b.Transport.Uid, a.Received[0].From.RemoteUid);
    }

    [Fact]
    public async Task AssociationHandle_RequestResponse_ReplyReachesTheRequester()
    {
        var a = await StartAsync();
        var b = await StartAsync(handler: Echo);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, Payload(100, i)));
        }

        await Eventually.HoldsAsync(() => a.ReceivedCount == 100, "100 echoes");
        Assert.Equal(Enumerable.Range(0, 100).Select(i => Payload(100, i)), a.Received.Select(f => f.Payload));
    }

    [Fact]
    public async Task TrySend_BeforeAnyConnection_ConnectsByItself()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, [1, 2, 3]));

        await Eventually.HoldsAsync(() => b.ReceivedCount == 1, "the frame sent before associating");
        Assert.True(a.Transport.GetAssociation(b.Address).IsAssociated);
    }

    [Fact]
    public async Task StartAsync_PortZero_AdvertisesTheBoundPort()
    {
        var a = await StartAsync();

        Assert.NotEqual(0, a.Address.Port);
        Assert.Equal(EndPoint(a).Port, a.Address.Port);
        Assert.Equal("127.0.0.1", a.Address.Host);
        Assert.True(a.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Information, $"listening on {a.Address}"), a.Logs.Dump());
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Transport.StartAsync().AsTask());
    }

    [Fact]
    public async Task StartAsync_PublicHostnameAndPort_AreAdvertisedInsteadOfTheBinding()
    {
        var a = await StartAsync(s => s with { PublicHostname = "node-a.example", PublicPort = 14053 });

        Assert.Equal(new RemoteAddress("node-a.example", 14053), a.Address);
        Assert.NotEqual(14053, EndPoint(a).Port);
    }

    [Fact]
    public async Task GetAssociation_OwnAddress_Throws()
    {
        var a = await StartAsync();

        Assert.Throws<ArgumentException>(() => a.Transport.GetAssociation(a.Address));
    }

    [Fact]
    public async Task Statistics_AfterTraffic_CountFramesAndBytesAndTheMeterPublishesThem()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        for (var i = 0; i < 10; i++)
        {
            a.Transport.TrySend(b.Address, new byte[96]);
        }

        await Eventually.HoldsAsync(() => b.ReceivedCount == 10, "ten frames");
        await Eventually.HoldsAsync(() => a.Transport.Statistics.FramesSent == 10, "sent counter");
        Assert.Equal(1000, a.Transport.Statistics.BytesSent);
        Assert.Equal(10, b.Transport.Statistics.FramesReceived);
        Assert.Equal(1000, b.Transport.Statistics.BytesReceived);

        var published = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LithairAkka.Remote" && ReferenceEquals(instrument.Meter, a.Transport.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument, a.Transport);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, state) =>
        {
            if (ReferenceEquals(state, a.Transport))
            {
                published[instrument.Name] = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Contains(published, p => p.Key == "lithair.remote.frames.sent" && p.Value >= 10);
        Assert.Contains("lithair.remote.handshakes.refused", published.Keys);
        Assert.Contains("lithair.remote.frames.fault_dropped", published.Keys);
        Assert.Contains("lithair.remote.frames.dropped_oversized", published.Keys);
    }
}
