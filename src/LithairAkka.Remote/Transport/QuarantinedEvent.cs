namespace LithairAkka.Remote.Transport;

/// <summary>
/// The peer incarnation <see cref="AssociationEvent.RemoteUid"/> at <see cref="AssociationEvent.RemoteAddress"/> is
/// quarantined for good: it restarted (a new uid appeared at the same address), stayed silent longer than
/// <c>akka.remote.quarantine-after-silence</c>, or <see cref="RemoteTransport.Quarantine"/> was called. Frames for it are
/// dropped and it can never associate again. Upper layers treat it as the death of that incarnation
/// (Terminated for its actors, downing in the cluster).
/// </summary>
/// <param name="LocalAddress">This node's advertised address.</param>
/// <param name="RemoteAddress">The peer's advertised address.</param>
/// <param name="RemoteUid">The quarantined incarnation's uid.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record QuarantinedEvent(RemoteAddress LocalAddress, RemoteAddress RemoteAddress, long RemoteUid, string Reason)
    : AssociationEvent(LocalAddress, RemoteAddress, RemoteUid);
