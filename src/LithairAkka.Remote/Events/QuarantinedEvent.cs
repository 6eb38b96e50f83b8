namespace LithairAkka.Remote.Events;

/// <summary>
/// The incarnation <paramref name="Uid"/> of the system at <paramref name="Address"/> is quarantined for good: it
/// restarted (a new uid appeared there), the remote watcher's failure detector gave up on it, it was silent beyond
/// <c>akka.remote.quarantine-after-silence</c>, or someone called <see cref="RemoteExtension.Quarantine"/>. Messages
/// for it are dropped, it can never associate again, and watchers of its actors got <see cref="Terminated"/>.
/// </summary>
/// <param name="Address">The peer's address.</param>
/// <param name="Uid">The quarantined incarnation.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record QuarantinedEvent(Address Address, long Uid, string Reason) : RemotingLifecycleEvent;
