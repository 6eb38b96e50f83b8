namespace LithairAkka.Actors.Event;

/// <summary>Base of the events about undeliverable messages; subscribe to it to see suppressed ones too.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The ref it was sent to.</param>
public abstract record AllDeadLetters(object Message, IActorRef Sender, IActorRef Recipient);
