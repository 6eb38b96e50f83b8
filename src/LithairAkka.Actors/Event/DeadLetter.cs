namespace LithairAkka.Actors.Event;

/// <summary>A message that could not be delivered (its recipient stopped or never existed), as published on the event stream.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The ref it was sent to.</param>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient) : AllDeadLetters(Message, Sender, Recipient);
