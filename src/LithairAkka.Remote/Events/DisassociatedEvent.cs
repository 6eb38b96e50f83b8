namespace LithairAkka.Remote.Events;

/// <summary>
/// The connection with <paramref name="RemoteAddress"/> closed (peer shut down or restarted, network error,
/// quarantine). Not a verdict on the peer's health: the association reconnects while there is traffic, and the
/// remote watcher's failure detector decides when a watched node is gone.
/// </summary>
/// <param name="LocalAddress">This system's address.</param>
/// <param name="RemoteAddress">The peer's address.</param>
/// <param name="RemoteUid">The uid of the incarnation that was connected.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record DisassociatedEvent(Address LocalAddress, Address RemoteAddress, long RemoteUid, string Reason) : RemotingLifecycleEvent;
