using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>Creates the provider of a new actor system (registered in <see cref="ActorSystemSetup"/>).</summary>
/// <param name="systemName">The system name.</param>
/// <param name="settings">The bound settings.</param>
/// <param name="eventStream">The system's event stream.</param>
public delegate IActorRefProvider ActorRefProviderFactory(string systemName, ActorSystemSettings settings, EventStream eventStream);
