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

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ClusterDomainEventPublisher.Subscribe or ClusterDomainEventPublisher.Unsubscribe or ClusterDomainEventPublisher.SendCurrentState:
                _publisher.Forward(message);
                return true;
            case Shutdown:
                _publisher.Tell(new ClusterDomainEventPublisher.PublishEvent(ClusterEvent.ClusterShuttingDown.Instance), Self);
                Context.Stop(Self);
                return true;
            default:
                _core.Forward(message);
                return true;
        }
    }
}
