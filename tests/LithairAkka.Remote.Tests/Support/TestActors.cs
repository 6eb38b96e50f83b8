using LithairAkka.Actors;

namespace LithairAkka.Remote.Tests.Support;

/// <summary>Replies to every message with the message itself, to its sender.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Forwards every message it receives, with its original sender, to a target.</summary>
internal sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target) => ReceiveAny(message => target.Tell(message, Sender));
}

/// <summary>What a <see cref="WatchingActor"/> reports: <see cref="Terminated"/> itself cannot be forwarded (it is
/// auto-received, and dropped by an actor that does not watch its subject).</summary>
public sealed record WatchedTerminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated);

/// <summary>Watches a subject and reports the <see cref="Terminated"/> it gets to a target.</summary>
internal sealed class WatchingActor : ReceiveActor
{
    public WatchingActor(IActorRef subject, IActorRef report)
    {
        Receive<Terminated>(t => report.Tell(new WatchedTerminated(t.ActorRef, t.ExistenceConfirmed, t.AddressTerminated), Self));
        Receive<string>(s => s == "unwatch", _ =>
        {
            Context.Unwatch(subject);
            report.Tell("unwatched", Self);
        });
        Context.Watch(subject);
        report.Tell("watching", Self);
    }
}

/// <summary>A user message that travels as JSON.</summary>
public sealed record Greeting(string Text, int Count, IActorRef? ReplyTo);
