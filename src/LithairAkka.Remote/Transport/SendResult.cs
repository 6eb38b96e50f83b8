namespace LithairAkka.Remote.Transport;

/// <summary>What happened to a frame handed to <see cref="Association.TrySend(ReadOnlySpan{byte})"/>.</summary>
/// <remarks>
/// <see cref="Enqueued"/> is not a delivery receipt: remoting is at-most-once. A frame is lost if the
/// connection breaks after the frame left the queue, or if a fault-injection rule swallows it (which is
/// deliberately indistinguishable from success for the sender).
/// </remarks>
public enum SendResult
{
    /// <summary>The frame is queued for the association's writer (or silently swallowed by fault injection).</summary>
    Enqueued,

    /// <summary>The payload is larger than <c>akka.remote.dot-netty.tcp.maximum-frame-size</c>; nothing was sent,
    /// the error was logged and counted, and the association is unaffected.</summary>
    Oversized,

    /// <summary>The outbound queue holds <c>akka.remote.outbound-message-queue-size</c> frames already; the frame was dropped.</summary>
    QueueFull,

    /// <summary>The frame was addressed to a remote incarnation (uid) that is quarantined; it was dropped.</summary>
    Quarantined,

    /// <summary>The transport is shutting down or disposed.</summary>
    ShutDown,
}
