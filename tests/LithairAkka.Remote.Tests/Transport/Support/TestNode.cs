using System.Buffers;
using System.Collections.Concurrent;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Tests.Transport.Support;

/// <summary>A started transport with everything it receives, raises and logs captured.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedFrame> _received = new();
    private readonly ConcurrentQueue<AssociationEvent> _events = new();
    private int _receivedCount;
    private int _disposed;

    private TestNode(RemoteTransportSettings settings, InboundFrameHandler? handler, long uid)
    {
        Logs = new TestLoggerFactory();
        Transport = new RemoteTransport(settings, handler ?? Record, _events.Enqueue, Logs, uid: uid);
    }

    public RemoteTransport Transport { get; }

    public TestLoggerFactory Logs { get; }

    public RemoteAddress Address => Transport.LocalAddress;

    public int ReceivedCount => Volatile.Read(ref _receivedCount);

    public IReadOnlyList<ReceivedFrame> Received => [.. _received];

    public IReadOnlyList<AssociationEvent> Events => [.. _events];

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public static async Task<TestNode> StartAsync(RemoteTransportSettings settings, InboundFrameHandler? handler = null, long uid = 0)
    {
        var node = new TestNode(settings, handler, uid);
        await node.Transport.StartAsync();
        return node;
    }

    public IReadOnlyList<T> EventsOf<T>()
        where T : AssociationEvent => [.. _events.OfType<T>()];

    public bool HasReceived(byte[] payload) => _received.Any(f => f.Payload.AsSpan().SequenceEqual(payload));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Transport.DisposeAsync();
        }
    }

    private void Record(AssociationHandle from, ReadOnlySequence<byte> payload)
    {
        _received.Enqueue(new ReceivedFrame(from, payload.ToArray()));
        Interlocked.Increment(ref _receivedCount);
    }

    internal sealed record ReceivedFrame(AssociationHandle From, byte[] Payload);
}
