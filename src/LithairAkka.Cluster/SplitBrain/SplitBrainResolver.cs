namespace LithairAkka.Cluster;

/// <summary>
/// The split-brain resolver actor (Akka's <c>SplitBrainResolver</c>), one per node at
/// <c>/system/cluster/downingProvider</c>. It feeds every cluster event to the pure
/// <see cref="SplitBrainResolverState"/> and ticks it; when the membership has been stable for <c>stable-after</c>
/// and this node is the leader of its side, the strategy's decision is carried out by downing the chosen members —
/// on a minority side that includes this node, which then shuts down. With <c>down-all-when-unstable</c>, a
/// reachability that keeps changing downs every member.
/// </summary>
public sealed class SplitBrainResolver : ActorBase, IWithTimers
{
    private readonly SplitBrainResolverSettings _settings;
    private readonly ILoggingAdapter _log;
    private Cluster? _cluster;
    private SplitBrainResolverState? _state;

    /// <summary>Creates the resolver with <paramref name="settings"/>.</summary>
    public SplitBrainResolver(SplitBrainResolverSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _log = Context.GetLogger();
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    /// <summary>Subscribes to the cluster events and starts ticking.</summary>
    protected override void PreStart()
    {
        var cluster = _cluster = Cluster.Get(Context.System);
        _state = SplitBrainResolverState.Create(cluster.SelfUniqueAddress, _settings, Now);
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IClusterDomainEvent));
        var interval = TimeSpan.FromTicks(Math.Clamp(_settings.StableAfter.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(1).Ticks));
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, interval);
        _log.Info("Split-brain resolver started: {Strategy}, stable-after {StableAfter}", _settings.ActiveStrategy, _settings.StableAfter);
    }

    /// <summary>Unsubscribes.</summary>
    protected override void PostStop() => _cluster?.Unsubscribe(Self);

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ClusterEvent.IClusterDomainEvent e when _state is not null:
                _state = _state.Apply(e, Now);
                return true;
            case Tick when _state is not null:
                OnTick();
                return true;
            default:
                return false;
        }
    }

    private void OnTick()
    {
        var result = _state!.Tick(Now);
        _state = result.State;
        if (result.Decision is not { } decision)
        {
            return;
        }

        _log.Warning("Split-brain resolver decided {Decision}{Unstable}: downing [{Nodes}]{Self}", decision.Decision,
            decision.DueToInstability ? " (reachability unstable)" : string.Empty, string.Join(", ", decision.NodesToDown),
            decision.DownsSelf ? ", including this node" : string.Empty);

        // NodesToDown lists this node last, so the others are marked before this node stops.
        foreach (var node in decision.NodesToDown)
        {
            _cluster!.Tell(new ClusterCoreDaemon.DownNode(node));
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
