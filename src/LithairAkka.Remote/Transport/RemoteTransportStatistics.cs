namespace LithairAkka.Remote.Transport;

/// <summary>A snapshot of a transport's counters (the same values the <c>LithairAkka.Remote</c> meter publishes).</summary>
/// <param name="FramesSent">Data frames written to peers.</param>
/// <param name="FramesReceived">Data frames read from peers (before receive-side fault injection).</param>
/// <param name="BytesSent">Data frame bytes written, headers included.</param>
/// <param name="BytesReceived">Data frame bytes read, headers included.</param>
/// <param name="DroppedOversized">Outbound messages refused for exceeding <c>maximum-frame-size</c>.</param>
/// <param name="RefusedHandshakes">Handshakes refused by this node or by the peer (cookie, system name, version, certificate, quarantine).</param>
/// <param name="FaultDropped">Frames swallowed by fault injection.</param>
/// <param name="DroppedQueueFull">Outbound messages dropped because the association's queue was full.</param>
/// <param name="DroppedQuarantined">Frames dropped because their incarnation is quarantined.</param>
/// <param name="OpenConnections">Open TCP connections, including ones still in their handshake.</param>
public readonly record struct RemoteTransportStatistics(
    long FramesSent,
    long FramesReceived,
    long BytesSent,
    long BytesReceived,
    long DroppedOversized,
    long RefusedHandshakes,
    long FaultDropped,
    long DroppedQueueFull,
    long DroppedQuarantined,
    long OpenConnections);
