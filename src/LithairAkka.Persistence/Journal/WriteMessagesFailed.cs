namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="WriteMessages"/>: the journal failed to store the request; a <see cref="WriteMessageFailure"/> per event follows.</summary>
/// <param name="Cause">The failure.</param>
/// <param name="WriteCount">How many events the request carried.</param>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record WriteMessagesFailed(Exception Cause, int WriteCount, int ActorInstanceId);
