namespace LithairAkka.Persistence;

/// <summary>Per-event answer to <see cref="WriteMessages"/>: the event is stored.</summary>
/// <param name="Persistent">The stored event.</param>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record WriteMessageSuccess(Persistent Persistent, int ActorInstanceId);
