namespace LithairAkka.Remote.Transport;

/// <summary>A connection to <see cref="AssociationEvent.RemoteAddress"/> finished its handshake and carries traffic.</summary>
/// <param name="LocalAddress">This node's advertised address.</param>
/// <param name="RemoteAddress">The peer's advertised address.</param>
/// <param name="RemoteUid">The peer incarnation's uid.</param>
/// <param name="IsInbound">True when the peer opened the connection.</param>
public sealed record AssociatedEvent(RemoteAddress LocalAddress, RemoteAddress RemoteAddress, long RemoteUid, bool IsInbound)
    : AssociationEvent(LocalAddress, RemoteAddress, RemoteUid);
