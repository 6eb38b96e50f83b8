namespace LithairAkka.Actors;

/// <summary>
/// Delivered to an actor that watches <paramref name="ActorRef"/> once it stopped (also at once when it was already
/// dead). Not handling it makes the watcher fail with <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The stopped actor.</param>
/// <param name="ExistenceConfirmed">False when the actor was never known to exist.</param>
/// <param name="AddressTerminated">True when its node was lost.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage, IDeadLetterSuppression;
