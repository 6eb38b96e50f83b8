using System.Collections.Immutable;
using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// The cluster as seen from outside the actor tree, one per actor system (Akka's <c>Cluster</c> extension):
/// <c>Cluster.Get(system)</c>. It is started by <see cref="ClusterActorRefProvider"/> with the system; its daemons run
/// under <c>/system/cluster</c>. It gives this node's identity, a snapshot of the membership (<see cref="State"/>),
/// event subscriptions, the membership commands (join, leave, down) and the lifecycle callbacks, and ties the
/// cluster to <see cref="CoordinatedShutdown"/>: leaving on shutdown, shutting down when removed or downed.
/// Thread-safe.
/// </summary>
public sealed partial class Cluster : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly IActorRef _daemon;
    private readonly Lock _lock = new();
    private readonly List<Action> _onMemberUp = [];
    private readonly List<Action> _onMemberRemoved = [];
    private readonly TaskCompletionSource _exitingOrGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _removed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClusterEvent.CurrentClusterState _state = ClusterEvent.CurrentClusterState.Empty;
    private Member _selfMember;
    private bool _selfUp;
    private bool _terminated;

    internal Cluster(ExtendedActorSystem system, ClusterActorRefProvider provider)
    {
        _system = system;
        Settings = provider.ClusterSettings;
        SelfUniqueAddress = new UniqueAddress(provider.DefaultAddress, provider.AddressUid);
        _selfMember = Member.Removed(SelfUniqueAddress);
        DowningProvider = DowningProviders.Load(Settings.DowningProviderClass, system);
        RegisterShutdownTasks();
        _daemon = system.SystemActorOf(Props.Create(() => new ClusterDaemon(this)), "cluster");
    }

    /// <summary>The settings in force (<c>akka.cluster</c>).</summary>
    public ClusterSettings Settings { get; }

    /// <summary>This node's address and incarnation uid.</summary>
    public UniqueAddress SelfUniqueAddress { get; }

    /// <summary>This node's address, <c>akka.tcp://{system}@{host}:{port}</c>.</summary>
    public Address SelfAddress => SelfUniqueAddress.Address;

    /// <summary>This node's roles (<c>akka.cluster.roles</c>).</summary>
    public ImmutableHashSet<string> SelfRoles => Settings.Roles;

    /// <summary>This node as a member; its status is Removed before it joined and after it left.</summary>
    public Member SelfMember
    {
        get
        {
            lock (_lock)
            {
                return _selfMember;
            }
        }
    }

    /// <summary>The latest membership snapshot this node published.</summary>
    public ClusterEvent.CurrentClusterState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>True once the cluster daemons stopped (this node left, was removed or the system shuts down).</summary>
    public bool IsTerminated
    {
        get
        {
            lock (_lock)
            {
                return _terminated;
            }
        }
    }

    /// <summary>The downing provider (<c>downing-provider-class</c>), or <see langword="null"/> when downing is manual.</summary>
    public IDowningProvider? DowningProvider { get; }

    /// <summary>The cluster of <paramref name="system"/>.</summary>
    /// <exception cref="Hocon.ConfigurationException">The system does not run with <c>akka.actor.provider = cluster</c>.</exception>
    public static Cluster Get(ActorSystem system) => system.WithExtension<Cluster, ClusterExtensionId>();

    /// <summary>
    /// Subscribes <paramref name="subscriber"/> to the cluster events assignable to one of <paramref name="to"/> (all
    /// domain events when empty). It first gets the current state: as a <see cref="ClusterEvent.CurrentClusterState"/>
    /// with <see cref="ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot"/>, or as the events that lead
    /// to it with <see cref="ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents"/>. A terminated
    /// subscriber is unsubscribed.
    /// </summary>
    /// <exception cref="ArgumentException">A type is not a <see cref="ClusterEvent.IClusterDomainEvent"/>.</exception>
    public void Subscribe(IActorRef subscriber, ClusterEvent.SubscriptionInitialStateMode initialStateMode, params Type[] to)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(to);
        var bad = to.FirstOrDefault(t => !typeof(ClusterEvent.IClusterDomainEvent).IsAssignableFrom(t));
        if (bad is not null)
        {
            throw new ArgumentException($"{bad} is not a cluster domain event (ClusterEvent.IClusterDomainEvent).", nameof(to));
        }

        _daemon.Tell(new ClusterDomainEventPublisher.Subscribe(subscriber, initialStateMode,
            to.Length == 0 ? [typeof(ClusterEvent.IClusterDomainEvent)] : [.. to]), null);
    }

    /// <summary>Subscribes with the initial state as events (see the other overload).</summary>
    public void Subscribe(IActorRef subscriber, params Type[] to) =>
        Subscribe(subscriber, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, to);

    /// <summary>Ends every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _daemon.Tell(new ClusterDomainEventPublisher.Unsubscribe(subscriber), null);
    }

    /// <summary>Sends the current state to <paramref name="receiver"/> as a <see cref="ClusterEvent.CurrentClusterState"/>.</summary>
    public void SendCurrentClusterState(IActorRef receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _daemon.Tell(new ClusterDomainEventPublisher.SendCurrentState(receiver), null);
    }

    internal void Tell(object message) => _daemon.Tell(message, null);

    internal RemoteActorRefProvider RemoteProvider => (RemoteActorRefProvider)_system.Provider;
}
