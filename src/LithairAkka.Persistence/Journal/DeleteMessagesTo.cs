using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// Request to a journal: delete the events of <paramref name="PersistenceId"/> up to and including
/// <paramref name="ToSequenceNr"/>. They are never replayed again; the highest sequence number stays readable.
/// Answered with <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.
/// </summary>
/// <param name="PersistenceId">The stream.</param>
/// <param name="ToSequenceNr">Highest sequence number to delete (inclusive).</param>
/// <param name="PersistentActor">Where the answer goes.</param>
public sealed record DeleteMessagesTo(string PersistenceId, long ToSequenceNr, IActorRef PersistentActor);
