using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Membership;

/// <summary>
/// Makes a replica group follow cluster membership. It consumes <see cref="ClusterEvent"/> messages (subscribe it to
/// the cluster, or send them to it): every <c>Up</c> member with the replica role and a <c>node-id-N</c> role becomes
/// a peer of the local group (its remote group ref, sent as <see cref="UpdatePeers"/>). While the local group leads,
/// the bridge changes the configuration one change at a time through the log: a new replica joins as a learner, is
/// promoted to voter once caught up (the leader's streams and snapshots bring it there), and a removed or downed
/// member is removed. When a member becomes unreachable the local group is told (<see cref="LeaderUnreachable"/>),
/// which campaigns at once if that member led it: the fast election path. Every node runs one bridge per group; only
/// the leader's acts on the configuration.
/// </summary>
public sealed class ReplicaMembershipBridge : ReceiveActor, IWithTimers
{
    /// <summary>The role prefix that carries a member's node id: <c>node-id-3</c> is node 3.</summary>
    public const string NodeIdRolePrefix = "node-id-";

    private const string ReconcileTimer = "reconcile";
    private readonly MembershipBridgeOptions _options;
    private readonly Dictionary<NodeId, Member> _members = [];
    private readonly HashSet<NodeId> _gone = [];
    private long? _changeSince;

    /// <summary>Creates the bridge.</summary>
    /// <param name="options">What it drives and how.</param>
    public ReplicaMembershipBridge(MembershipBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Receive<ClusterEvent.CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberUp>(m => Join(m.Member));
        Receive<ClusterEvent.MemberRemoved>(m => Leave(m.Member));
        Receive<ClusterEvent.MemberDowned>(m => Leave(m.Member));
        Receive<ClusterEvent.UnreachableMember>(OnUnreachable);

        // A reachable-again member needs nothing: its group hears the leader again.
        Receive<ClusterEvent.ReachableMember>(_ => { });
        Receive<Reconcile>(_ => OnReconcile());
        Receive<RaftStatus>(OnStatus);
        Receive<MembershipChanged>(_ =>
        {
            _changeSince = null;
            Self.Tell(Reconcile.Instance);
        });

        // Refused or not leading (also the answer to a status request before the group recovered): the periodic
        // reconciliation tries again.
        Receive<ProposeFailed>(_ => _changeSince = null);
        Receive<NotLeader>(_ => _changeSince = null);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The node id a member carries in its <c>node-id-N</c> role, or <see langword="null"/>.</summary>
    /// <param name="member">A cluster member.</param>
    public static NodeId? NodeIdOf(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        foreach (var role in member.Roles)
        {
            if (role.StartsWith(NodeIdRolePrefix, StringComparison.Ordinal)
                && long.TryParse(role.AsSpan(NodeIdRolePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new NodeId(id);
            }
        }

        return null;
    }

    /// <summary>Props for a bridge.</summary>
    /// <param name="options">What it drives and how.</param>
    public static Props Props(MembershipBridgeOptions options) => Actors.Props.Create(() => new ReplicaMembershipBridge(options));

    /// <inheritdoc />
    protected override void PreStart() =>
        Timers.StartPeriodicTimer(ReconcileTimer, Reconcile.Instance, _options.ReconcileInterval);

    private void OnState(ClusterEvent.CurrentClusterState state)
    {
        foreach (var member in state.Members)
        {
            if (member.Status == MemberStatus.Up)
            {
                Join(member, publish: false);
            }
            else if (member.Status is MemberStatus.Down or MemberStatus.Removed)
            {
                Leave(member, publish: false);
            }
        }

        PublishPeers();
        Self.Tell(Reconcile.Instance);
    }

    private void Join(Member member, bool publish = true)
    {
        if (!member.HasRole(_options.ReplicaRole) || NodeIdOf(member) is not { } node)
        {
            return;
        }

        _members[node] = member;
        _gone.Remove(node);
        if (publish)
        {
            PublishPeers();
            Self.Tell(Reconcile.Instance);
        }
    }

    private void Leave(Member member, bool publish = true)
    {
        if (NodeIdOf(member) is not { } node)
        {
            return;
        }

        _members.Remove(node);
        _gone.Add(node);
        if (publish)
        {
            Self.Tell(Reconcile.Instance);
        }
    }

    private void OnUnreachable(ClusterEvent.UnreachableMember unreachable)
    {
        if (NodeIdOf(unreachable.Member) is { } node && node != _options.Self)
        {
            _options.LocalGroup.Tell(new LeaderUnreachable(node), Self);
        }
    }

    private void PublishPeers()
    {
        var peers = new Dictionary<NodeId, IActorRef>();
        foreach (var (node, member) in _members)
        {
            if (node != _options.Self)
            {
                peers[node] = Resolve(member.Address);
            }
        }

        _options.LocalGroup.Tell(new UpdatePeers(peers), Self);
    }

    private IActorRef Resolve(Address address)
    {
        if (_options.ResolvePeer is { } resolve)
        {
            return resolve(address);
        }

        var path = ActorPath.Parse(address.ToString() + _options.GroupPath);
        return ((ExtendedActorSystem)Context.System).Provider.ResolveActorRef(path);
    }

    private void OnReconcile()
    {
        // A change whose answer was lost (the group restarted) does not block the bridge for ever.
        if (_changeSince is { } since && _options.Time.GetElapsedTime(since) < _options.ReconcileInterval * 20)
        {
            return;
        }

        _changeSince = null;
        _options.LocalGroup.Tell(GetGroupStatus.Instance, Self);
    }

    private void OnStatus(RaftStatus status)
    {
        if (status.Role != NodeRole.Leader || _changeSince is not null || NextChange(status) is not { } change)
        {
            return;
        }

        _changeSince = _options.Time.GetTimestamp();
        _options.LocalGroup.Tell(new ChangeMembership(change), Self);
    }

    private ConfigChange? NextChange(RaftStatus status)
    {
        var configuration = status.Configuration;
        foreach (var node in _gone.Order())
        {
            if (node != _options.Self && configuration.Contains(node))
            {
                return ConfigChange.RemoveNode(node);
            }
        }

        foreach (var node in _members.Keys.Order())
        {
            if (!configuration.Contains(node))
            {
                return ConfigChange.AddLearner(node);
            }
        }

        foreach (var follower in status.Followers.Where(f => f.IsLearner).OrderBy(f => f.Node))
        {
            if (_members.ContainsKey(follower.Node) && follower.MatchIndex >= status.LastIndex - _options.PromoteLag)
            {
                return ConfigChange.PromoteLearner(follower.Node);
            }
        }

        return null;
    }

    private sealed record Reconcile
    {
        public static Reconcile Instance { get; } = new();
    }
}
