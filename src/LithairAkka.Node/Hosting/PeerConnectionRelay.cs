using LithairAkka.Management.Groups;
using LithairAkka.Remote.Events;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Relays the remoting connection events of the actor system's event stream to <see cref="PeerConnections"/>, so that
/// the HTTP handlers stop waiting for a forwarded request as soon as the connection to the node holding it closes.
/// </summary>
internal sealed class PeerConnectionRelay : ReceiveActor
{
    public PeerConnectionRelay(PeerConnections connections)
    {
        Receive<DisassociatedEvent>(e => connections.Closed(e.RemoteAddress));
        Receive<AssociatedEvent>(e => connections.Opened(e.RemoteAddress));
    }

    /// <summary>Starts the relay and subscribes it to the connection events.</summary>
    public static void Start(ActorSystem system, PeerConnections connections)
    {
        var relay = system.ActorOf(Props.Create(() => new PeerConnectionRelay(connections)), "peer-connections");
        system.EventStream.Subscribe(relay, typeof(DisassociatedEvent));
        system.EventStream.Subscribe(relay, typeof(AssociatedEvent));
    }
}
