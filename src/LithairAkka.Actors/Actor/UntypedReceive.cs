namespace LithairAkka.Actors;

/// <summary>A behaviour of an <see cref="UntypedActor"/>: handles every message (call <c>Unhandled</c> explicitly).</summary>
/// <param name="message">The message.</param>
public delegate void UntypedReceive(object message);
