namespace LithairAkka.Actors;

/// <summary>
/// The ref that stands for "no actor": messages sent to it vanish, <see cref="Identify"/> is answered
/// with an empty <see cref="ActorIdentity"/>. Thread-safe singleton.
/// </summary>
public sealed class Nobody : MinimalActorRef
{
    private static readonly ActorPath NobodyPath = new RootActorPath(new Address("akka", "all-systems")) / "Nobody";

    private Nobody()
    {
    }

    /// <summary>The single instance.</summary>
    public static Nobody Instance { get; } = new();

    /// <inheritdoc/>
    public override ActorPath Path => NobodyPath;

    /// <summary>Nobody belongs to no system.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override IActorRefProvider Provider => throw new NotSupportedException("Nobody does not provide.");

    /// <summary>Nobody is always terminated.</summary>
    public override bool IsTerminated => true;

    /// <summary>Answers <see cref="Identify"/> with an empty identity; drops everything else.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
        }
    }
}
