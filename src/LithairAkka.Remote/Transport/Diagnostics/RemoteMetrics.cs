using System.Diagnostics.Metrics;

namespace LithairAkka.Remote.Transport.Diagnostics;

/// <summary>
/// The transport's counters. Hot paths add to plain fields with <see cref="Interlocked"/> (read and write
/// loops add once per batch); the <see cref="Meter"/> named <c>LithairAkka.Remote</c> publishes them as
/// observable counters, so a process with several transports (tests) keeps them apart by meter instance.
/// </summary>
internal sealed class RemoteMetrics : IDisposable
{
    /// <summary>The meter name exporters subscribe to.</summary>
    public const string MeterName = "LithairAkka.Remote";

    private long _framesSent;
    private long _framesReceived;
    private long _bytesSent;
    private long _bytesReceived;
    private long _droppedOversized;
    private long _refusedHandshakes;
    private long _faultDropped;
    private long _droppedQueueFull;
    private long _droppedQuarantined;
    private long _openConnections;

    public RemoteMetrics()
    {
        Meter = new Meter(MeterName);
        Meter.CreateObservableCounter("lithair.remote.frames.sent", () => Volatile.Read(ref _framesSent), "{frame}", "Data frames written to peers");
        Meter.CreateObservableCounter("lithair.remote.frames.received", () => Volatile.Read(ref _framesReceived), "{frame}", "Data frames read from peers");
        Meter.CreateObservableCounter("lithair.remote.bytes.sent", () => Volatile.Read(ref _bytesSent), "By", "Data frame bytes written, headers included");
        Meter.CreateObservableCounter("lithair.remote.bytes.received", () => Volatile.Read(ref _bytesReceived), "By", "Data frame bytes read, headers included");
        Meter.CreateObservableCounter("lithair.remote.frames.dropped_oversized", () => Volatile.Read(ref _droppedOversized), "{frame}", "Outbound messages over maximum-frame-size");
        Meter.CreateObservableCounter("lithair.remote.handshakes.refused", () => Volatile.Read(ref _refusedHandshakes), "{handshake}", "Associations refused (cookie, system name, version, certificate, quarantine)");
        Meter.CreateObservableCounter("lithair.remote.frames.fault_dropped", () => Volatile.Read(ref _faultDropped), "{frame}", "Frames swallowed by fault injection");
        Meter.CreateObservableCounter("lithair.remote.frames.dropped_queue_full", () => Volatile.Read(ref _droppedQueueFull), "{frame}", "Outbound messages dropped on a full queue");
        Meter.CreateObservableCounter("lithair.remote.frames.dropped_quarantined", () => Volatile.Read(ref _droppedQuarantined), "{frame}", "Frames for quarantined incarnations");
        Meter.CreateObservableUpDownCounter("lithair.remote.connections.open", () => Volatile.Read(ref _openConnections), "{connection}", "Open TCP connections, handshaking ones included");
    }

    public Meter Meter { get; }

    public void FramesSent(long frames, long bytes)
    {
        Interlocked.Add(ref _framesSent, frames);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    public void FramesReceived(long frames, long bytes)
    {
        Interlocked.Add(ref _framesReceived, frames);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    public void DroppedOversized() => Interlocked.Increment(ref _droppedOversized);

    public void RefusedHandshake() => Interlocked.Increment(ref _refusedHandshakes);

    public void FaultDropped() => Interlocked.Increment(ref _faultDropped);

    public void DroppedQueueFull() => Interlocked.Increment(ref _droppedQueueFull);

    public void DroppedQuarantined(long count = 1) => Interlocked.Add(ref _droppedQuarantined, count);

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

    public RemoteTransportStatistics Snapshot() => new(
        Volatile.Read(ref _framesSent),
        Volatile.Read(ref _framesReceived),
        Volatile.Read(ref _bytesSent),
        Volatile.Read(ref _bytesReceived),
        Volatile.Read(ref _droppedOversized),
        Volatile.Read(ref _refusedHandshakes),
        Volatile.Read(ref _faultDropped),
        Volatile.Read(ref _droppedQueueFull),
        Volatile.Read(ref _droppedQuarantined),
        Volatile.Read(ref _openConnections));

    public void Dispose() => Meter.Dispose();
}
