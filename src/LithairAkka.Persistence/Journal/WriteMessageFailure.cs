namespace LithairAkka.Persistence;

/// <summary>
/// Per-event answer to <see cref="WriteMessages"/>: storing failed (the store is unavailable or refused the
/// transaction), so it is unknown whether the event was stored; the persistent actor stops.
/// </summary>
/// <param name="Persistent">The event.</param>
/// <param name="Cause">The failure.</param>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record WriteMessageFailure(Persistent Persistent, Exception Cause, int ActorInstanceId);
