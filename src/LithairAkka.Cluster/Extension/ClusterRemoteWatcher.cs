using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// The remote watcher of a cluster node (Akka's <c>ClusterRemoteWatcher</c>): for nodes that are cluster members it
/// does not heartbeat on its own — the cluster's failure detector decides their reachability — and it ends them
/// (watchers get <see cref="Terminated"/>, the incarnation is quarantined) when they are removed from the cluster.
/// Nodes outside the cluster are watched as by <see cref="RemoteWatcher"/>. It learns the membership from the
/// member events the cluster publishes on the event stream.
/// </summary>
public sealed class ClusterRemoteWatcher : RemoteWatcher
{
    private readonly Dictionary<Address, UniqueAddress> _members = [];

    /// <summary>Creates the watcher of <paramref name="provider"/>'s node.</summary>
    public ClusterRemoteWatcher(RemoteActorRefProvider provider, RemoteWatcherSettings settings)
        : base(provider, settings)
    {
    }

    /// <summary>Subscribes to the member events, then starts the timers.</summary>
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(ClusterEvent.IMemberEvent));
        base.PreStart();
    }

    /// <summary>Unsubscribes.</summary>
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ClusterEvent.MemberRemoved removed:
                OnMemberRemoved(removed.Member);
                return true;
            case ClusterEvent.IMemberEvent e:
                if (!e.Member.UniqueAddress.Address.Equals(Provider.DefaultAddress))
                {
                    _members[e.Member.Address] = e.Member.UniqueAddress;
                }

                return true;
            default:
                return base.Receive(message);
        }
    }

    /// <inheritdoc/>
    protected override bool MonitorsByHeartbeat(Address address) => !_members.ContainsKey(address);

    private void OnMemberRemoved(Member member)
    {
        if (member.Address.Equals(Provider.DefaultAddress))
        {
            return;
        }

        // A newer incarnation at the same address may already be a member: only the removed one is forgotten.
        if (_members.TryGetValue(member.Address, out var known) && known.Equals(member.UniqueAddress))
        {
            _members.Remove(member.Address);
        }

        Provider.Quarantine(member.Address, member.UniqueAddress.Uid, "removed from the cluster");
        if (!_members.ContainsKey(member.Address))
        {
            TerminateAddress(member.Address, "removed from the cluster", quarantine: false);
        }
    }
}
