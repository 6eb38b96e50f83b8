namespace LithairAkka.Remote.Transport;

/// <summary>How a connection's handshake ended.</summary>
internal enum HandshakeResult
{
    /// <summary>The connection is the association's active one.</summary>
    Accepted,

    /// <summary>Another connection between the same two nodes wins (or is already being set up); not an error.</summary>
    Duplicate,

    /// <summary>This node or the peer refused the association (cookie, name, version, certificate, address).</summary>
    Refused,

    /// <summary>The incarnation is quarantined (by this node or by the peer): frames waiting for it are dropped.</summary>
    Quarantined,

    /// <summary>I/O error, timeout, or the peer vanished.</summary>
    Failed,
}

/// <summary>A handshake's result and its reason, for the reconnect loop's log line.</summary>
internal readonly record struct HandshakeOutcome(HandshakeResult Result, string Reason)
{
    public static HandshakeOutcome Accepted { get; } = new(HandshakeResult.Accepted, "accepted");
}
