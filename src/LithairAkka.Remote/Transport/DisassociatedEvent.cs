namespace LithairAkka.Remote.Transport;

/// <summary>The association's connection closed (peer shut down, I/O error, replaced, quarantined, local shutdown).
/// The association reconnects by itself while it has traffic to send.</summary>
/// <param name="LocalAddress">This node's advertised address.</param>
/// <param name="RemoteAddress">The peer's advertised address.</param>
/// <param name="RemoteUid">The uid of the peer incarnation that was connected.</param>
/// <param name="Reason">Why the connection closed, for logs.</param>
public sealed record DisassociatedEvent(RemoteAddress LocalAddress, RemoteAddress RemoteAddress, long RemoteUid, string Reason)
    : AssociationEvent(LocalAddress, RemoteAddress, RemoteUid);
