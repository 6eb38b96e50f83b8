using LithairAkka.Actors;

namespace LithairAkka.Persistence.Journal;

/// <summary>What a replay runs for: the actor system (for its services) and the actor receiving the events. Immutable.</summary>
/// <param name="System">The actor system of the journal.</param>
/// <param name="Recipient">The persistent actor being recovered.</param>
public sealed record ReplayContext(ActorSystem System, IActorRef Recipient);
