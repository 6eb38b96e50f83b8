using LithairAkka.Actors;

namespace LithairAkka.TestKit;

/// <summary>A message received by a test actor, with its sender.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
public sealed record MessageEnvelope(object Message, IActorRef Sender);
