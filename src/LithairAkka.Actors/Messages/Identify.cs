namespace LithairAkka.Actors;

/// <summary>Every actor answers it with an <see cref="ActorIdentity"/> carrying its ref; used to resolve selections.</summary>
/// <param name="MessageId">Correlation id echoed in the answer.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
