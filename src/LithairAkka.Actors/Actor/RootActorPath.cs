namespace LithairAkka.Actors;

/// <summary>The root path of an actor system, e.g. <c>akka://sys/</c>. Immutable.</summary>
public sealed class RootActorPath : ActorPath
{
    /// <summary>Creates the root path of <paramref name="address"/>.</summary>
    public RootActorPath(Address address)
        : base(address ?? throw new ArgumentNullException(nameof(address)), "/", UndefinedUid)
    {
    }

    /// <inheritdoc/>
    public override ActorPath Parent => this;

    /// <inheritdoc/>
    public override RootActorPath Root => this;

    /// <inheritdoc/>
    public override int Depth => 0;

    /// <summary>Root paths carry no uid; returns this path.</summary>
    public override ActorPath WithUid(long uid) => this;
}
