using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>Checks recovery progress every <c>recovery-event-timeout</c>; carries the incarnation that scheduled it.</summary>
/// <param name="InstanceId">The persistent actor's incarnation.</param>
internal sealed record RecoveryTick(int InstanceId) : IDeadLetterSuppression, INotInfluenceReceiveTimeout;
