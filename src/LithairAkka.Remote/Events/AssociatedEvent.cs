namespace LithairAkka.Remote.Events;

/// <summary>An association with <paramref name="RemoteAddress"/> is established: a handshake succeeded and traffic flows.</summary>
/// <param name="LocalAddress">This system's address.</param>
/// <param name="RemoteAddress">The peer's address.</param>
/// <param name="RemoteUid">The uid of the peer's incarnation (its actor system instance).</param>
/// <param name="IsInbound">True when the peer opened the connection.</param>
public sealed record AssociatedEvent(Address LocalAddress, Address RemoteAddress, long RemoteUid, bool IsInbound) : RemotingLifecycleEvent;
