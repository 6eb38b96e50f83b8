using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// The <c>/deadLetters</c> ref: every message sent to it is published on the event stream as a
/// <see cref="DeadLetter"/> (or <see cref="SuppressedDeadLetter"/> for <see cref="IDeadLetterSuppression"/> messages)
/// and counted by the <c>lithairakka.actors.dead_letters</c> counter of meter <c>LithairAkka.Actors</c>.
/// Thread-safe.
/// </summary>
public sealed class DeadLetterActorRef : MinimalActorRef
{
    private readonly IActorRefProvider _provider;
    private readonly EventStream _eventStream;

    /// <summary>Creates the ref at <paramref name="path"/>.</summary>
    public DeadLetterActorRef(IActorRefProvider provider, ActorPath path, EventStream eventStream)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _eventStream = eventStream ?? throw new ArgumentNullException(nameof(eventStream));
    }

    /// <inheritdoc/>
    public override ActorPath Path { get; }

    /// <inheritdoc/>
    public override IActorRefProvider Provider => _provider;

    /// <summary>Publishes the message as a dead letter; answers <see cref="Identify"/> with an empty identity.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case Identify identify:
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                break;
            case DeadLetter deadLetter:
                Publish(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient);
                break;
            case SuppressedDeadLetter suppressed:
                Publish(suppressed.Message, suppressed.Sender, suppressed.Recipient);
                break;
            default:
                Publish(message, sender ?? this, this);
                break;
        }
    }

    /// <summary>A watch of dead letters is answered at once.</summary>
    public override void SendSystemMessage(ISystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }

    private void Publish(object message, IActorRef sender, IActorRef recipient)
    {
        ActorMetrics.DeadLetters.Add(
            1,
            new KeyValuePair<string, object?>("system", Path.Address.System),
            new KeyValuePair<string, object?>("suppressed", message is IDeadLetterSuppression));
        if (message is IDeadLetterSuppression)
        {
            _eventStream.Publish(new SuppressedDeadLetter(message, sender, recipient));
        }
        else
        {
            _eventStream.Publish(new DeadLetter(message, sender, recipient));
        }
    }
}
