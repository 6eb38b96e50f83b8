using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// Keeps the latest reachability table of the cluster gossip (who observes whom as unreachable), for the tools that
/// show it: the management <c>/cluster/members</c> route and the <c>pbm cluster</c> palette. It subscribes an actor
/// to <see cref="ClusterEvent.ReachabilityChanged"/> when created, so create it when the node starts: a table that
/// was already non-empty before is only seen from its next change. Thread-safe; <see cref="Dispose"/> stops the actor.
/// </summary>
public sealed class ReachabilityObserver : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _subscriber;
    private Reachability _current = Reachability.Empty;

    /// <summary>Starts observing the cluster of <paramref name="system"/>.</summary>
    /// <param name="system">An actor system running with <c>akka.actor.provider = cluster</c>.</param>
    /// <exception cref="Hocon.ConfigurationException">The system does not run the cluster provider.</exception>
    public ReachabilityObserver(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        Cluster = Cluster.Get(system);
        _subscriber = system.ActorOf(Props.Create(() => new Subscriber(this)), $"reachability-observer-{Guid.NewGuid():N}");
    }

    /// <summary>The observed cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The latest reachability table seen; empty when every node is reachable.</summary>
    public Reachability Current => Volatile.Read(ref _current);

    /// <summary>The addresses of the nodes that see <paramref name="node"/> as unreachable, sorted; empty when none does.</summary>
    /// <param name="node">The observed node.</param>
    public ImmutableArray<Address> ObserversOf(UniqueAddress node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Current.ObserversGroupedByUnreachable.TryGetValue(node, out var observers)
            ? [.. observers.Select(o => o.Address).Order(Member.AddressOrdering)]
            : [];
    }

    /// <summary>Stops the subscriber actor.</summary>
    public void Dispose() => _system.Stop(_subscriber);

    private sealed class Subscriber : ReceiveActor
    {
        private readonly ReachabilityObserver _owner;

        public Subscriber(ReachabilityObserver owner)
        {
            _owner = owner;
            Receive<ClusterEvent.ReachabilityChanged>(e => Volatile.Write(ref _owner._current, e.Reachability));
            Receive<ClusterEvent.CurrentClusterState>(_ => { });
        }

        protected override void PreStart() =>
            _owner.Cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.ReachabilityChanged));

        protected override void PostStop() => _owner.Cluster.Unsubscribe(Self);
    }
}
