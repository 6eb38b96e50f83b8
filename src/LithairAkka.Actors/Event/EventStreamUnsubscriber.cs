namespace LithairAkka.Actors.Event;

/// <summary>System actor that watches event-stream subscribers and unsubscribes them when they stop.</summary>
internal sealed class EventStreamUnsubscriber : ActorBase
{
    private readonly EventStream _eventStream;

    public EventStreamUnsubscriber(EventStream eventStream)
    {
        _eventStream = eventStream;
    }

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Register register:
                if (register.Subscriber is IInternalActorRef { IsLocal: true } and not MinimalActorRef || register.Subscriber is IInternalActorRef { IsLocal: false })
                {
                    Context.Watch(register.Subscriber);
                }

                return true;
            case Terminated terminated:
                _eventStream.Unsubscribe(terminated.ActorRef);
                return true;
            default:
                return false;
        }
    }

    internal sealed record Register(IActorRef Subscriber);
}
