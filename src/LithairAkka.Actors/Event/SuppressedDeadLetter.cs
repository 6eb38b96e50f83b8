namespace LithairAkka.Actors.Event;

/// <summary>An undeliverable <see cref="IDeadLetterSuppression"/> message: published, never logged.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The ref it was sent to.</param>
public sealed record SuppressedDeadLetter(object Message, IActorRef Sender, IActorRef Recipient) : AllDeadLetters(Message, Sender, Recipient);
