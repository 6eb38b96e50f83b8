using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// The ref a lookup returns for a local path where no actor lives: messages become dead letters,
/// <see cref="Identify"/> (also through a selection) gets an empty identity, a watch is answered at once with
/// existence not confirmed. Thread-safe.
/// </summary>
public sealed class EmptyLocalActorRef : MinimalActorRef
{
    private readonly IActorRefProvider _provider;
    private readonly IActorRef _deadLetters;

    /// <summary>Creates the ref for <paramref name="path"/>.</summary>
    public EmptyLocalActorRef(IActorRefProvider provider, ActorPath path, IActorRef deadLetters)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
    }

    /// <inheritdoc/>
    public override ActorPath Path { get; }

    /// <inheritdoc/>
    public override IActorRefProvider Provider => _provider;

    /// <inheritdoc/>
    public override bool IsTerminated => true;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case Identify identify:
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                break;
            case ActorSelectionMessage { Message: Identify identify } selection when !selection.WildcardFanOut:
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                break;
            case ActorSelectionMessage selection:
                _deadLetters.Tell(new Event.DeadLetter(selection.Message, sender ?? _deadLetters, this), sender);
                break;
            default:
                _deadLetters.Tell(new Event.DeadLetter(message, sender ?? _deadLetters, this), sender);
                break;
        }
    }

    /// <inheritdoc/>
    public override void SendSystemMessage(ISystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }
}
