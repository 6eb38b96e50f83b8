namespace LithairAkka.Cluster;

/// <summary>
/// Heartbeats the members this node monitors (Akka's <c>ClusterHeartbeatSender</c>), at
/// <c>/system/cluster/heartbeatSender</c>. The receivers come from the <see cref="HeartbeatNodeRing"/>
/// (<c>monitored-by-nr-of-members</c> per member, kept in <see cref="ClusterHeartbeatSenderState"/>), updated from the
/// member and reachability events. Each answer feeds the shared phi-accrual failure-detector registry, which the
/// core daemon reads every <c>unreachable-nodes-reaper-interval</c>. A receiver that never answers starts counting
/// as silent <c>expected-response-after</c> the first heartbeat.
/// </summary>
internal sealed class ClusterHeartbeatSender : ActorBase, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly IActorRef _publisher;
    private readonly Dictionary<Address, IActorRef> _receivers = [];
    private ClusterHeartbeatSenderState _state;
    private long _sequenceNr;

    public ClusterHeartbeatSender(Cluster cluster, IActorRef publisher, IFailureDetectorRegistry<Address> registry)
    {
        _cluster = cluster;
        _publisher = publisher;
        _state = ClusterHeartbeatSenderState.Create(cluster.SelfUniqueAddress, cluster.Settings.FailureDetector.MonitoredByNrOfMembers, registry);
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        _publisher.Tell(new ClusterDomainEventPublisher.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            [typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent)]), Self);
        Timers.StartPeriodicTimer(HeartbeatTick.Instance, HeartbeatTick.Instance, _cluster.Settings.FailureDetector.HeartbeatInterval);
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case HeartbeatTick:
                SendHeartbeats();
                return true;
            case ClusterHeartbeat.HeartbeatRsp response:
                _state = _state.HeartbeatRsp(response.From);
                return true;
            case ExpectedFirstHeartbeat expected:
                _state.ExpectedFirstHeartbeat(expected.From);
                return true;
            case ClusterEvent.CurrentClusterState state:
                _state = _state.Init(
                    [.. state.Members.Select(m => m.UniqueAddress)],
                    [.. state.Unreachable.Select(m => m.UniqueAddress)]);
                return true;
            case ClusterEvent.MemberRemoved removed:
                _state = _state.RemoveMember(removed.Member.UniqueAddress);
                _receivers.Remove(removed.Member.Address);
                return true;
            case ClusterEvent.IMemberEvent e:
                _state = _state.AddMember(e.Member.UniqueAddress);
                return true;
            case ClusterEvent.UnreachableMember e:
                _state = _state.UnreachableMember(e.Member.UniqueAddress);
                return true;
            case ClusterEvent.ReachableMember e:
                _state = _state.ReachableMember(e.Member.UniqueAddress);
                return true;
            default:
                return false;
        }
    }

    private void SendHeartbeats()
    {
        var sequenceNr = ++_sequenceNr;
        var timestamp = Context.System.TimeProvider.GetTimestamp();
        var awaiting = _state.ReceiversAwaitingFirstResponse;
        foreach (var receiver in _state.ActiveReceivers)
        {
            ReceiverOf(receiver.Address).Tell(new ClusterHeartbeat.Heartbeat(_cluster.SelfAddress, sequenceNr, timestamp), Self);
            var expected = new ExpectedFirstHeartbeat(receiver);
            if (awaiting.Contains(receiver) && !Timers.IsTimerActive(expected))
            {
                Timers.StartSingleTimer(expected, expected, _cluster.Settings.FailureDetector.ExpectedResponseAfter);
            }
        }
    }

    private IActorRef ReceiverOf(Address address)
    {
        if (!_receivers.TryGetValue(address, out var receiver))
        {
            _receivers[address] = receiver = _cluster.RemoteProvider.ResolveActorRef(
                new RootActorPath(address) / "system" / "cluster" / "heartbeatReceiver");
        }

        return receiver;
    }

    private sealed record ExpectedFirstHeartbeat(UniqueAddress From);

    private sealed record HeartbeatTick
    {
        public static HeartbeatTick Instance { get; } = new();
    }
}
