namespace LithairAkka.Actors;

/// <summary>
/// An immutable, serializable handle to an actor incarnation. Two refs are equal when their paths and uids are
/// equal. Thread-safe: share refs freely and <see cref="ICanTell.Tell"/> from any thread.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The path of the actor (with the uid of this incarnation).</summary>
    ActorPath Path { get; }
}
