namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteMessagesTo"/> (and to <c>DeleteMessages</c> of a persistent actor): deleting failed.</summary>
/// <param name="Cause">The failure.</param>
/// <param name="ToSequenceNr">The requested bound.</param>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
