namespace LithairAkka.Remote.Events;

/// <summary>
/// The actor system at <paramref name="Address"/> is considered gone (failure detector, quarantine or restart):
/// every local watcher of its actors was sent <see cref="Terminated"/> with <c>AddressTerminated = true</c>.
/// Published on the event stream for the layers above (the cluster reacts to it); not a
/// <see cref="RemotingLifecycleEvent"/>.
/// </summary>
/// <param name="Address">The terminated system's address.</param>
/// <param name="Reason">Why, for logs.</param>
public sealed record AddressTerminated(Address Address, string Reason) : IDeadLetterSuppression;
