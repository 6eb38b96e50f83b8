using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// A deferred message travelling through the journal without being stored, so that its handler runs after the
/// handlers of the events persisted before it; answered with <see cref="LoopMessageSuccess"/>. Immutable.
/// </summary>
/// <param name="Payload">The deferred message.</param>
/// <param name="Sender">The sender of the command that deferred it.</param>
public sealed record NonPersistentMessage(object Payload, IActorRef? Sender) : IPersistentEnvelope
{
    /// <inheritdoc/>
    public int Size => 0;
}
