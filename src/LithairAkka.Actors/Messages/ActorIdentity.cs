namespace LithairAkka.Actors;

/// <summary>The answer to <see cref="Identify"/>: <paramref name="Subject"/> is null when no actor exists at the path.</summary>
/// <param name="MessageId">The id from the <see cref="Identify"/>.</param>
/// <param name="Subject">The identified actor, or null.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
