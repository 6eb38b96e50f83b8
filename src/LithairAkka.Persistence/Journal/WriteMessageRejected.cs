namespace LithairAkka.Persistence;

/// <summary>
/// Per-event answer to <see cref="WriteMessages"/>: the journal refused the event's atomic write before storing
/// anything of it (typically it could not be serialized). The journal itself is healthy; the actor continues.
/// </summary>
/// <param name="Persistent">The refused event.</param>
/// <param name="Cause">Why it was refused.</param>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record WriteMessageRejected(Persistent Persistent, Exception Cause, int ActorInstanceId);
