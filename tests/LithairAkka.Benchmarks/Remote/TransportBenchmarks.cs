using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Benchmarks.Remote;

/// <summary>
/// Raw frame throughput of two <see cref="RemoteTransport"/>s in one process over loopback, 100-byte payloads,
/// 1 and 10 concurrent streams over the one association. One-way: every stream sends its share and the
/// receiver counts. Request/response: every stream keeps <see cref="Window"/> requests in flight and sends the
/// next one when a reply comes back (the shape of remote actor ping-pong). Reported time is per message, so
/// msg/s = 1e9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls GlobalCleanup, which disposes them.")]
public class TransportBenchmarks
{
    private const int PayloadSize = 100;
    private const int OneWayMessages = 400_000;
    private const int RoundTrips = 200_000;
    private const int Window = 500;

    private RemoteTransport _client = null!;
    private RemoteTransport _server = null!;
    private Association _toServer = null!;
    private int _received;
    private int _target;
    private int[] _remaining = [];
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Mode _mode;

    private enum Mode
    {
        OneWay,
        RequestResponse,
    }

    /// <summary>Concurrent streams sharing the association.</summary>
    [Params(1, 10)]
    public int Streams { get; set; }

    /// <summary>Starts both transports and associates them.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        var settings = new RemoteTransportSettings { SystemName = "bench", Hostname = "127.0.0.1", Port = 0 };
        _server = new RemoteTransport(settings, OnServerFrame);
        _client = new RemoteTransport(settings, OnClientFrame);
        await _server.StartAsync();
        await _client.StartAsync();
        _toServer = _client.GetAssociation(_server.LocalAddress);
        await _toServer.AssociateAsync();
    }

    /// <summary>Shuts both transports down.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>One-way: streams send 100-byte frames as fast as the queue takes them.</summary>
    [Benchmark(OperationsPerInvoke = OneWayMessages)]
    public async Task OneWay()
    {
        Reset(Mode.OneWay, OneWayMessages);
        var perStream = OneWayMessages / Streams;
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(stream => Task.Run(async () =>
        {
            var payload = new byte[PayloadSize];
            BinaryPrimitives.WriteInt32BigEndian(payload, stream);
            for (var i = 0; i < perStream; i++)
            {
                await _toServer.SendAsync(payload);
            }
        })));
        await _done.Task;
    }

    /// <summary>Request/response: each reply triggers the stream's next request; <see cref="Window"/> in flight per stream.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task RequestResponse()
    {
        Reset(Mode.RequestResponse, RoundTrips);
        var perStream = RoundTrips / Streams;
        _remaining = [.. Enumerable.Repeat(perStream - Window, Streams)];
        var payload = new byte[PayloadSize];
        for (var stream = 0; stream < Streams; stream++)
        {
            BinaryPrimitives.WriteInt32BigEndian(payload, stream);
            for (var i = 0; i < Window; i++)
            {
                _toServer.TrySend(payload);
            }
        }

        await _done.Task;
    }

    private void Reset(Mode mode, int target)
    {
        _mode = mode;
        _received = 0;
        _target = target;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void OnServerFrame(AssociationHandle from, ReadOnlySequence<byte> payload)
    {
        if (_mode == Mode.RequestResponse)
        {
            from.TrySend(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
            return;
        }

        if (++_received == _target)
        {
            _done.TrySetResult();
        }
    }

    // Replies arrive on one read loop, so plain counters are safe here.
    private void OnClientFrame(AssociationHandle from, ReadOnlySequence<byte> payload)
    {
        Span<byte> header = stackalloc byte[4];
        payload.Slice(0, 4).CopyTo(header);
        var stream = BinaryPrimitives.ReadInt32BigEndian(header);
        if (_remaining[stream] > 0)
        {
            _remaining[stream]--;
            from.TrySend(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
        }

        if (++_received == _target)
        {
            _done.TrySetResult();
        }
    }
}
