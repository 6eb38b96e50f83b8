namespace LithairAkka.Persistence;

/// <summary>
/// Answer to <see cref="WriteMessages"/>: the journal round trip finished (individual writes may still have been
/// rejected); per-event answers follow.
/// </summary>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record WriteMessagesSuccessful(int ActorInstanceId);
