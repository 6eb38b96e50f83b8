using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// Request to a journal: send the stored, not deleted events of <paramref name="PersistenceId"/> with sequence
/// numbers in [<paramref name="FromSequenceNr"/>, <paramref name="ToSequenceNr"/>], at most <paramref name="Max"/>
/// of them, in order, as <see cref="ReplayedMessage"/>s to <paramref name="PersistentActor"/>, then
/// <see cref="RecoverySuccess"/> with the highest stored sequence number (or <see cref="ReplayMessagesFailure"/>).
/// </summary>
/// <param name="FromSequenceNr">Lowest sequence number to replay (inclusive).</param>
/// <param name="ToSequenceNr">Highest sequence number to replay (inclusive).</param>
/// <param name="Max">Maximum number of events to replay.</param>
/// <param name="PersistenceId">The stream.</param>
/// <param name="PersistentActor">Where the events go.</param>
public sealed record ReplayMessages(long FromSequenceNr, long ToSequenceNr, long Max, string PersistenceId, IActorRef PersistentActor);
