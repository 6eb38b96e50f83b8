using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}
