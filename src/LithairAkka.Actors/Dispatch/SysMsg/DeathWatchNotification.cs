namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>
/// Tells a watcher (and the parent) that <paramref name="Actor"/> stopped. The cell turns it into a
/// <see cref="Terminated"/> user message for watchers. Remoting sends it with <paramref name="AddressTerminated"/>
/// set when a whole node is gone.
/// </summary>
/// <param name="Actor">The stopped actor.</param>
/// <param name="ExistenceConfirmed">False when the actor was never known to exist.</param>
/// <param name="AddressTerminated">True when the notification stems from the loss of the actor's node.</param>
public sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated)
    : ISystemMessage, IDeadLetterSuppression;
