using System.Collections.Immutable;
using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// Finds a seed node to join through (Akka's <c>JoinSeedNodeProcess</c> and <c>FirstSeedNodeProcess</c>), a
/// short-lived child of the core daemon. Every second it asks the other seed nodes with <c>InitJoin</c>; the first
/// that acknowledges becomes the join target. When this node is the first seed node of the list and no other seed
/// node acknowledges within <c>seed-node-timeout</c>, this node forms the cluster itself — so the first seed node
/// can restart and rejoin a running cluster, and a fresh cluster starts once it is up.
/// </summary>
internal sealed class JoinSeedNodeProcess : ActorBase, IWithTimers
{
    private static readonly TimeSpan AskInterval = TimeSpan.FromSeconds(1);
    private readonly ImmutableList<Address> _others;
    private readonly Address _self;
    private readonly bool _isFirstSeed;
    private readonly TimeSpan _seedNodeTimeout;
    private readonly RemoteActorRefProvider _provider;
    private readonly long _started;

    public JoinSeedNodeProcess(ImmutableList<Address> seedNodes, Address self, TimeSpan seedNodeTimeout, RemoteActorRefProvider provider)
    {
        _self = self;
        _others = seedNodes.Where(a => !a.Equals(self)).Distinct().ToImmutableList();
        _isFirstSeed = seedNodes.Count > 0 && seedNodes[0].Equals(self);
        _seedNodeTimeout = seedNodeTimeout;
        _provider = provider;
        _started = Context.System.TimeProvider.GetTimestamp();
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        AskSeeds();
        Timers.StartPeriodicTimer(AskTick.Instance, AskTick.Instance, AskInterval);
        if (_isFirstSeed)
        {
            Timers.StartSingleTimer(FormTimeout.Instance, FormTimeout.Instance, _seedNodeTimeout);
        }
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case AskTick:
                AskSeeds();
                return true;
            case InternalClusterAction.InitJoinAck ack:
                Context.Parent.Tell(new ClusterCoreDaemon.JoinTo(ack.Address), Self);
                Context.Stop(Self);
                return true;
            case InternalClusterAction.InitJoinNack:
                return true;
            case FormTimeout when Context.System.TimeProvider.GetElapsedTime(_started) >= _seedNodeTimeout:
                // No other seed node is a member: as the first seed node, this node starts the cluster.
                Context.Parent.Tell(new ClusterCoreDaemon.JoinTo(_self), Self);
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    private void AskSeeds()
    {
        foreach (var seed in _others)
        {
            // The core daemon forwards the answers here, so they are sent with the core as the sender's path.
            _provider.ResolveActorRef(new RootActorPath(seed) / "system" / "cluster" / "core").Tell(InternalClusterAction.InitJoin.Instance, Context.Parent);
        }
    }

    private sealed record AskTick
    {
        public static AskTick Instance { get; } = new();
    }

    private sealed record FormTimeout
    {
        public static FormTimeout Instance { get; } = new();
    }
}
