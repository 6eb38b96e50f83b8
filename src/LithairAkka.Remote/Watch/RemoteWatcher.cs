using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;
using LithairAkka.Remote.Events;

namespace LithairAkka.Remote;

/// <summary>
/// Remote death watch (Akka's <c>RemoteWatcher</c>), running at <c>/system/remote-watcher</c> on every node with
/// remoting. It learns of every local watch of a remote actor (<see cref="WatchRemote"/>), heartbeats each watched
/// node's remote watcher every <c>heartbeat-interval</c> and feeds the replies to one phi-accrual failure detector
/// per node. When a node is lost — its detector gives up, or its incarnation is quarantined (restart with a new uid,
/// silence, or by hand) — every local watcher of that node's actors is sent <see cref="Terminated"/> with
/// <c>ExistenceConfirmed = false, AddressTerminated = true</c>, the incarnation is quarantined, and
/// <see cref="AddressTerminated"/> is published on the event stream. Actors that stop normally are reported by their
/// own node (a death-watch notification over the wire), not by this actor.
/// </summary>
/// <remarks>The cluster layer subclasses it: nodes its own failure detector covers are excluded with
/// <see cref="MonitorsByHeartbeat"/>, and it ends them with <see cref="TerminateAddress"/> when they are removed.</remarks>
public partial class RemoteWatcher : ActorBase, IWithTimers
{
    private readonly Dictionary<IInternalActorRef, HashSet<IInternalActorRef>> _watchersByWatchee = [];
    private readonly Dictionary<Address, HashSet<IInternalActorRef>> _watcheesByAddress = [];
    private readonly Dictionary<Address, PhiAccrualFailureDetector> _detectors = [];
    private readonly Dictionary<Address, long> _addressUids = [];
    private readonly Dictionary<Address, IActorRef> _peers = [];
    private readonly ILoggingAdapter _log;

    /// <summary>Creates the watcher of <paramref name="provider"/>'s node.</summary>
    public RemoteWatcher(RemoteActorRefProvider provider, RemoteWatcherSettings settings)
    {
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _log = Context.GetLogger();
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The provider of this node.</summary>
    protected RemoteActorRefProvider Provider { get; }

    /// <summary>The settings in force.</summary>
    protected RemoteWatcherSettings Settings { get; }

    /// <summary>Nodes with at least one watched actor.</summary>
    protected IReadOnlyCollection<Address> WatchedAddresses => _watcheesByAddress.Keys;

    /// <summary>Starts the heartbeat and reaper timers.</summary>
    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(HeartbeatTick.Instance, HeartbeatTick.Instance, Settings.HeartbeatInterval);
        Timers.StartPeriodicTimer(ReapUnreachableTick.Instance, ReapUnreachableTick.Instance, Settings.UnreachableNodesReaperInterval);
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case HeartbeatTick:
                SendHeartbeats();
                return true;
            case Heartbeat:
                Sender.Tell(new HeartbeatRsp(Provider.AddressUid), Self);
                return true;
            case HeartbeatRsp response:
                OnHeartbeatResponse(Sender.Path.Address, response.AddressUid);
                return true;
            case ReapUnreachableTick:
                ReapUnreachable();
                return true;
            case WatchRemote watch:
                AddWatching(watch.Watchee, watch.Watcher);
                return true;
            case UnwatchRemote unwatch:
                RemoveWatching(unwatch.Watchee, unwatch.Watcher);
                return true;
            case ExpectedFirstHeartbeat expected:
                OnExpectedFirstHeartbeat(expected.Address);
                return true;
            case NodeAssociated associated:
                OnNodeAssociated(associated.Address, associated.Uid);
                return true;
            case NodeQuarantined quarantined:
                OnNodeQuarantined(quarantined.Address, quarantined.Uid, quarantined.Reason);
                return true;
            case GetStats:
                Sender.Tell(new Stats(_watchersByWatchee.Values.Sum(w => w.Count), [.. _watcheesByAddress.Keys]), Self);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether this watcher heartbeats <paramref name="address"/> itself; the cluster's watcher says no for
    /// members, whose reachability the cluster's own failure detector decides.</summary>
    protected virtual bool MonitorsByHeartbeat(Address address) => true;

    /// <summary>
    /// Ends the node at <paramref name="address"/>: every local watcher of its actors gets <see cref="Terminated"/>
    /// (existence not confirmed, address terminated), the known incarnation is quarantined when
    /// <paramref name="quarantine"/>, and <see cref="AddressTerminated"/> is published.
    /// </summary>
    protected void TerminateAddress(Address address, string reason, bool quarantine)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (quarantine && _addressUids.TryGetValue(address, out var uid) && uid != 0)
        {
            Provider.Quarantine(address, uid, reason);
        }

        if (_watcheesByAddress.Remove(address, out var watchees))
        {
            foreach (var watchee in watchees)
            {
                if (_watchersByWatchee.Remove(watchee, out var watchers))
                {
                    foreach (var watcher in watchers)
                    {
                        watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
                    }
                }
            }
        }

        _detectors.Remove(address);
        _addressUids.Remove(address);
        _peers.Remove(address);
        Context.System.EventStream.Publish(new AddressTerminated(address, reason));
    }

    private void AddWatching(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var address = watchee.Path.Address;
        if (!_watchersByWatchee.TryGetValue(watchee, out var watchers))
        {
            _watchersByWatchee[watchee] = watchers = [];
        }

        watchers.Add(watcher);
        if (!_watcheesByAddress.TryGetValue(address, out var watchees))
        {
            _watcheesByAddress[address] = watchees = [];
            _addressUids[address] = Provider.CurrentUidOf(address);
            _log.Debug("Watching actors at {Address}", address);
            if (MonitorsByHeartbeat(address))
            {
                PeerOf(address).Tell(Heartbeat.Instance, Self);
                Timers.StartSingleTimer(new ExpectedFirstHeartbeat(address), new ExpectedFirstHeartbeat(address), Settings.ExpectedResponseAfter);
            }
        }

        watchees.Add(watchee);
    }

    private void RemoveWatching(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (!_watchersByWatchee.TryGetValue(watchee, out var watchers) || !watchers.Remove(watcher) || watchers.Count > 0)
        {
            return;
        }

        _watchersByWatchee.Remove(watchee);
        var address = watchee.Path.Address;
        if (_watcheesByAddress.TryGetValue(address, out var watchees) && watchees.Remove(watchee) && watchees.Count == 0)
        {
            _watcheesByAddress.Remove(address);
            _detectors.Remove(address);
            _addressUids.Remove(address);
            _peers.Remove(address);
            Timers.Cancel(new ExpectedFirstHeartbeat(address));
            _log.Debug("No longer watching actors at {Address}", address);
        }
    }
}
