using System.Globalization;

namespace LithairAkka.Actors;

/// <summary>
/// Base of every actor ref: equality by path and uid, ordering and the <c>[path#uid]</c> string form.
/// </summary>
public abstract class ActorRefBase : IActorRef
{
    /// <inheritdoc/>
    public abstract ActorPath Path { get; }

    /// <inheritdoc/>
    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Equal when paths (ignoring address-free differences) and uids are equal.</summary>
    public bool Equals(IActorRef? other) =>
        other is not null && (ReferenceEquals(this, other) || (Path.Uid == other.Path.Uid && Path.Equals(other.Path)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Path.GetHashCode();

    /// <summary>Orders by path, then uid.</summary>
    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

    /// <summary>Formats as <c>[path#uid]</c>, as Akka does.</summary>
    public override string ToString() =>
        Path.Uid == ActorPath.UndefinedUid
            ? string.Concat("[", Path.ToString(), "]")
            : string.Concat("[", Path.ToString(), "#", Path.Uid.ToString(CultureInfo.InvariantCulture), "]");
}
