namespace LithairAkka.Remote.Transport;

/// <summary>
/// Base of the lifecycle events a <see cref="RemoteTransport"/> raises for its associations (after Akka.Remote's
/// <c>AssociationEvent</c>). Events are delivered one at a time, in the order they happened, on a dedicated
/// dispatch loop, never under a transport lock.
/// </summary>
/// <param name="LocalAddress">This node's advertised address.</param>
/// <param name="RemoteAddress">The peer's advertised address.</param>
/// <param name="RemoteUid">The peer incarnation's uid the event is about.</param>
public abstract record AssociationEvent(RemoteAddress LocalAddress, RemoteAddress RemoteAddress, long RemoteUid);
