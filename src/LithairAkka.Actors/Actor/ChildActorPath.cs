namespace LithairAkka.Actors;

/// <summary>A path below the root: a parent path and a name. Immutable.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;

    /// <summary>Creates <paramref name="parent"/>/<paramref name="name"/> with the given uid.</summary>
    public ChildActorPath(ActorPath parent, string name, long uid)
        : base((parent ?? throw new ArgumentNullException(nameof(parent))).Address, name, uid)
    {
        _parent = parent;
        Depth = parent.Depth + 1;
    }

    /// <inheritdoc/>
    public override ActorPath Parent => _parent;

    /// <inheritdoc/>
    public override RootActorPath Root => _parent.Root;

    /// <inheritdoc/>
    public override int Depth { get; }

    /// <inheritdoc/>
    public override ActorPath WithUid(long uid) => uid == Uid ? this : new ChildActorPath(_parent, Name, uid);
}
