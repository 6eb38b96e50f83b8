namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="DeleteMessagesTo"/> (and to <c>DeleteMessages</c> of a persistent actor): the events are deleted.</summary>
/// <param name="ToSequenceNr">Highest deleted sequence number.</param>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);
