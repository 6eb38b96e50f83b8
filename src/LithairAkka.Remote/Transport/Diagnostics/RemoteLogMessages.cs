using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Transport.Diagnostics;

/// <summary>
/// Every log line of the remoting transport, source-generated. Event ids 3000-3099 belong to remoting.
/// </summary>
internal static partial class RemoteLogMessages
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Remoting started; listening on {Address} (bound to {EndPoint}), uid {Uid}, TLS {Tls}")]
    public static partial void Listening(ILogger logger, string address, string endPoint, long uid, string tls);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Associated with {Peer} (uid {Uid}, {Direction})")]
    public static partial void Associated(ILogger logger, string peer, long uid, string direction);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Disassociated from {Peer} (uid {Uid}): {Reason}")]
    public static partial void Disassociated(ILogger logger, string peer, long uid, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Quarantined {Peer} uid {Uid}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string peer, long uid, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Refused association {Direction} {Peer}: {Reason}")]
    public static partial void Refused(ILogger logger, string direction, string peer, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error,
        Message = "This node (uid {Uid}) is quarantined by {Peer}: {Reason}. It cannot associate with that peer again until it restarts")]
    public static partial void QuarantinedByPeer(ILogger logger, string peer, long uid, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Association to {Peer} failed: {Reason}; retrying in {Backoff}")]
    public static partial void ConnectFailed(ILogger logger, string peer, string reason, TimeSpan backoff);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error,
        Message = "Discarding an outbound message of {Size} bytes to {Peer}: it exceeds maximum-frame-size ({Maximum} bytes)")]
    public static partial void OversizedOutbound(ILogger logger, string peer, int size, int maximum);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Closing the connection with {Peer}: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Connection with {Peer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Inbound connection from {EndPoint} failed during the handshake: {Reason}")]
    public static partial void InboundHandshakeFailed(ILogger logger, string endPoint, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "The inbound frame handler failed on a frame from {Peer}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string peer);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Dropped a redundant connection {Direction} {Peer}: {Reason}")]
    public static partial void DuplicateConnection(ILogger logger, string direction, string peer, string reason);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning,
        Message = "The outbound queue to {Peer} is full ({Capacity} frames); dropping messages until it drains")]
    public static partial void QueueFull(ILogger logger, string peer, int capacity);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning,
        Message = "akka.remote.dot-netty.tcp.ssl.suppress-validation = true: peer certificates are NOT validated")]
    public static partial void ValidationSuppressed(ILogger logger);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Information, Message = "Remoting on {Address} shut down")]
    public static partial void ShutDown(ILogger logger, string address);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "Fault injection: {Rule} for peer {Peer}")]
    public static partial void FaultRuleSet(ILogger logger, string peer, string rule);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "Fault injection healed for {Peer}")]
    public static partial void FaultsHealed(ILogger logger, string peer);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Error, Message = "An association event handler failed on {Event}")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Error, Message = "The remoting listener on {EndPoint} failed; no more inbound connections are accepted")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string endPoint);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Dropping a message of {Size} bytes to {Peer}: it exceeds the peer's maximum-frame-size ({Maximum} bytes)")]
    public static partial void OversizedForPeer(ILogger logger, string peer, int size, int maximum);
}
