namespace LithairAkka.Cluster;

/// <summary>
/// The root of the cluster's actors, <c>/system/cluster</c> (Akka's <c>ClusterDaemon</c>). It starts the event
/// publisher, the core daemon (<c>core</c>: membership and gossip), the heartbeat receiver and sender and the downing
/// provider's actor, and routes the extension's requests to them. The failure-detector registry it creates is shared
/// by the heartbeat sender (which feeds it) and the core daemon (which reads it when reaping).
/// </summary>
internal sealed class ClusterDaemon : ActorBase
{
    private readonly Cluster _cluster;
    private IActorRef _publisher = ActorRefs.Nobody;
    private IActorRef _core = ActorRefs.Nobody;

    public ClusterDaemon(Cluster cluster)
    {
        _cluster = cluster;
    }

    /// <summary>Stops the cluster's actors (the last cluster phase of coordinated shutdown).</summary>
    public sealed record Shutdown
    {
        private Shutdown()
        {
        }

        /// <summary>The single instance.</summary>
        public static Shutdown Instance { get; } = new();
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        var settings = _cluster.Settings;
        var time = Context.System.TimeProvider;
        var registry = new DefaultFailureDetectorRegistry<Address>(() => settings.FailureDetector.CreateFailureDetector(time));
        var cluster = _cluster;
        var publisher = _publisher = Context.ActorOf(Props.Create(() => new ClusterDomainEventPublisher(cluster)), "publisher");
        _core = Context.ActorOf(Props.Create(() => new ClusterCoreDaemon(cluster, publisher, registry)), "core");
        Context.ActorOf(Props.Create(() => new ClusterHeartbeatReceiver(cluster)), "heartbeatReceiver");
        Context.ActorOf(Props.Create(() => new ClusterHeartbeatSender(cluster, publisher, registry)), "heartbeatSender");
        if (_cluster.DowningProvider?.DowningActorProps is { } downing)
        {
            Context.ActorOf(downing, "downingProvider");
        }
    }

    /// <summary>Tells the extension, whose shutdown task waits for it.</summary>
    protected override void PostStop() => _cluster.OnDaemonStopped();

    /// <summary>
    /// A failing child is resumed (and the failure logged): the daemons assign their immutable state only after a
    /// message is fully handled, so the state is intact, whereas a restart would silently drop this node's
    /// membership view and subscriptions.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(static _ => Directive.Resume);

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ClusterDomainEventPublisher.Subscribe or ClusterDomainEventPublisher.Unsubscribe or ClusterDomainEventPublisher.SendCurrentState:
                _publisher.Forward(message);
                return true;
            case Shutdown:
                // The other daemons stop now; the publisher first tells the subscribers, then stops, then this actor.
                foreach (var child in Context.GetChildren().Where(c => !c.Equals(_publisher)))
                {
                    Context.Stop(child);
                }

                Context.Watch(_publisher);
                _publisher.Tell(new ClusterDomainEventPublisher.PublishEvent(ClusterEvent.ClusterShuttingDown.Instance), Self);
                _publisher.Tell(PoisonPill.Instance, Self);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_publisher):
                Context.Stop(Self);
                return true;
            default:
                _core.Forward(message);
                return true;
        }
    }
}
