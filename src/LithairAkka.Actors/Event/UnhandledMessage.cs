namespace LithairAkka.Actors.Event;

/// <summary>A message no behaviour of <paramref name="Recipient"/> handled, as published on the event stream.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
