using LithairAkka.Actors;

namespace LithairAkka.TestKit.Internal;

/// <summary>The actor behind a test kit or probe: queues every message it receives; can watch actors.</summary>
internal sealed class TestActor(BlockingMessageQueue<MessageEnvelope> queue) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Subject);
                watch.Done.TrySetResult();
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Subject);
                unwatch.Done.TrySetResult();
                break;
            default:
                queue.Add(new MessageEnvelope(message, Sender));
                break;
        }
    }

    internal sealed record WatchCommand(IActorRef Subject, TaskCompletionSource Done);

    internal sealed record UnwatchCommand(IActorRef Subject, TaskCompletionSource Done);
}
