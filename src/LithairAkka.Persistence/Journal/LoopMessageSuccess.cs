namespace LithairAkka.Persistence;

/// <summary>Answer to a <see cref="NonPersistentMessage"/> of a <see cref="WriteMessages"/> request, in request order.</summary>
/// <param name="Message">The looped payload.</param>
/// <param name="ActorInstanceId">The incarnation that sent the request.</param>
public sealed record LoopMessageSuccess(object Message, int ActorInstanceId);
