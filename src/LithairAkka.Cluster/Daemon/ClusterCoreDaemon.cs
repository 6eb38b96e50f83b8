using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The membership daemon, <c>/system/cluster/core</c> (Akka's <c>ClusterCoreDaemon</c>): the only place this node's
/// gossip changes. It runs the join handshake (seed nodes, <c>InitJoin</c>/<c>Join</c>/<c>Welcome</c>), gossips every
/// <c>gossip-interval</c> to a random member (preferring those that have not seen the latest version), merges what
/// it receives with vector clocks, runs the leader actions every <c>leader-actions-interval</c> and moves the failure
/// detector's verdicts into the reachability table every <c>unreachable-nodes-reaper-interval</c> — all through the
/// pure membership core. Every new gossip goes to the publisher. When this node is downed it runs coordinated
/// shutdown; when it becomes Exiting it confirms to the others and shuts down.
/// </summary>
internal sealed partial class ClusterCoreDaemon : ActorBase, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly ClusterSettings _settings;
    private readonly UniqueAddress _self;
    private readonly IActorRef _publisher;
    private readonly IFailureDetectorRegistry<Address> _registry;
    private readonly ILoggingAdapter _log;
    private readonly Dictionary<Address, IActorRef> _cores = [];
    private MembershipState _membership;
    private LeaderActionsState _leaderState = LeaderActionsState.Initial;
    private IActorRef? _seedNodeProcess;
    private ImmutableList<Address> _seedNodes = [];
    private bool _exitingConfirmedSent;
    private bool _downHandled;
    private bool _leftCluster;

    public ClusterCoreDaemon(Cluster cluster, IActorRef publisher, IFailureDetectorRegistry<Address> registry)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _self = cluster.SelfUniqueAddress;
        _publisher = publisher;
        _registry = registry;
        _membership = new MembershipState(Gossip.Empty, _self);
        _log = Context.GetLogger();
    }

    /// <summary>Join the cluster of the node at <paramref name="Address"/> (this node's own address forms a cluster).</summary>
    public sealed record JoinTo(Address Address);

    /// <summary>Join through the first seed node that answers.</summary>
    public sealed record JoinSeedNodes(ImmutableList<Address> SeedNodes);

    /// <summary>Down exactly the incarnation <paramref name="Node"/> (the split-brain resolver's decisions).</summary>
    public sealed record DownNode(UniqueAddress Node);

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private Gossip LatestGossip => _membership.LatestGossip;

    private bool IsMember => !_leftCluster && LatestGossip.HasMember(_self);

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    /// <inheritdoc/>
    protected override void PreStart()
    {
        var delay = _settings.PeriodicTasksInitialDelay;
        Timers.StartPeriodicTimer(Tick.Gossip, Tick.Gossip, delay, _settings.GossipInterval);
        Timers.StartPeriodicTimer(Tick.LeaderActions, Tick.LeaderActions, delay, _settings.LeaderActionsInterval);
        Timers.StartPeriodicTimer(Tick.Reap, Tick.Reap, delay, _settings.UnreachableNodesReaperInterval);
        if (!_settings.SeedNodes.IsEmpty)
        {
            Self.Tell(new JoinSeedNodes(_settings.SeedNodes), Self);
        }
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InternalClusterAction.GossipEnvelope envelope:
                OnGossip(envelope);
                return true;
            case InternalClusterAction.GossipStatus status:
                OnGossipStatus(status);
                return true;
            case Tick tick:
                OnTick(tick);
                return true;
            default:
                return ReceiveMembership(message);
        }
    }

    private void OnTick(Tick tick)
    {
        if (!IsMember)
        {
            return;
        }

        if (tick == Tick.Gossip)
        {
            GossipTick();
        }
        else if (tick == Tick.LeaderActions)
        {
            LeaderActionsTick();
        }
        else
        {
            ReapTick();
        }
    }

    // Sets a new gossip: kept, published, and this node's status reacted to.
    private void SetGossip(Gossip gossip)
    {
        _membership = _membership.WithGossip(gossip);
        _publisher.Tell(new ClusterDomainEventPublisher.PublishChanges(gossip), Self);
        OnSelfStatus();
    }

    // A change made here: this node's clock ticks and only it has seen the result.
    private void UpdateGossip(Gossip gossip) => SetGossip(gossip.Increment(_self).OnlySeen(_self));

    private IActorRef CoreOf(Address address)
    {
        if (!_cores.TryGetValue(address, out var core))
        {
            _cores[address] = core = _cluster.RemoteProvider.ResolveActorRef(new RootActorPath(address) / "system" / "cluster" / "core");
        }

        return core;
    }

    private sealed record Tick(string Name)
    {
        public static Tick Gossip { get; } = new("gossip");

        public static Tick LeaderActions { get; } = new("leader-actions");

        public static Tick Reap { get; } = new("reap");
    }
}
