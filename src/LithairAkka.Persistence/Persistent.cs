using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// One event as a journal stores and replays it: the payload with its persistence id and sequence number, the
/// identity of the writer and the sender of the command that persisted it. The sender lives only in memory (it
/// is never stored: a replayed event has none). Immutable.
/// </summary>
/// <param name="Payload">The event (for a <see cref="Journal.Tagged"/> write, the journal stores the inner payload).</param>
/// <param name="SequenceNr">Position of the event in its persistence id's stream, from 1.</param>
/// <param name="PersistenceId">The stream the event belongs to.</param>
/// <param name="Manifest">Serializer manifest as stored (empty before the event was written).</param>
/// <param name="IsDeleted">True for an event logically deleted by <see cref="DeleteMessagesTo"/>.</param>
/// <param name="Sender">The sender of the command that persisted it; null when replayed.</param>
/// <param name="WriterGuid">Identifies the actor incarnation that wrote the event.</param>
/// <param name="Timestamp">When the journal stored it, in <see cref="DateTime.Ticks"/> (UTC); 0 before it was written.</param>
public sealed record Persistent(
    object Payload,
    long SequenceNr = 0,
    string PersistenceId = "",
    string Manifest = "",
    bool IsDeleted = false,
    IActorRef? Sender = null,
    string WriterGuid = "",
    long Timestamp = 0);
