namespace LithairAkka.Actors.Event;

/// <summary>
/// System actor that counts dead letters and logs the first <c>akka.log-dead-letters</c> of them at Info
/// (and none during shutdown unless <c>akka.log-dead-letters-during-shutdown</c>).
/// </summary>
internal sealed class DeadLetterListener : ActorBase
{
    private readonly ActorSystemImpl _system;
    private readonly ILoggingAdapter _log;
    private long _count;

    public DeadLetterListener(ActorSystemImpl system)
    {
        _system = system;
        _log = system.LogFor(Self.Path.ToString(), typeof(DeadLetterListener));
    }

    protected override void PreStart() => _system.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => _system.EventStream.Unsubscribe(Self);

    protected internal override bool Receive(object message)
    {
        if (message is not DeadLetter deadLetter)
        {
            return false;
        }

        _count++;
        var limit = _system.Settings.LogDeadLetters;
        if (_count <= limit && (_system.Settings.LogDeadLettersDuringShutdown || !_system.IsTerminating))
        {
            var suffix = _count == limit ? " No more dead letters will be logged (akka.log-dead-letters)." : string.Empty;
            _log.Info(
                "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters encountered." + suffix,
                deadLetter.Message.GetType().Name,
                deadLetter.Sender,
                deadLetter.Recipient,
                _count);
        }

        return true;
    }
}
