using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The latest gossip as one node sees it (Akka's <c>MembershipState</c>): the gossip plus the node's own address,
/// which leader election, convergence and gossip-target choice depend on. Immutable and thread-safe.
/// </summary>
public sealed class MembershipState
{
    /// <summary>Creates the state.</summary>
    /// <param name="latestGossip">The node's latest gossip.</param>
    /// <param name="selfUniqueAddress">The node.</param>
    public MembershipState(Gossip latestGossip, UniqueAddress selfUniqueAddress)
    {
        LatestGossip = latestGossip ?? throw new ArgumentNullException(nameof(latestGossip));
        SelfUniqueAddress = selfUniqueAddress ?? throw new ArgumentNullException(nameof(selfUniqueAddress));
    }

    /// <summary>The node's latest gossip.</summary>
    public Gossip LatestGossip { get; }

    /// <summary>The node.</summary>
    public UniqueAddress SelfUniqueAddress { get; }

    /// <summary>The members.</summary>
    public ImmutableSortedSet<Member> Members => LatestGossip.Members;

    /// <summary>The node's own member (a Removed placeholder when it is not a member).</summary>
    public Member SelfMember => LatestGossip.GetMember(SelfUniqueAddress);

    /// <summary>The reachability table.</summary>
    public Reachability Reachability => LatestGossip.Overview.Reachability;

    /// <summary>The leader as this node sees it.</summary>
    public UniqueAddress? Leader => LatestGossip.Leader(SelfUniqueAddress);

    /// <summary>True when <paramref name="node"/> is the leader as this node sees it.</summary>
    /// <param name="node">The candidate.</param>
    public bool IsLeader(UniqueAddress node) => LatestGossip.IsLeader(node, SelfUniqueAddress);

    /// <summary>The leader of the members with <paramref name="role"/> as this node sees it.</summary>
    /// <param name="role">The role.</param>
    public UniqueAddress? RoleLeader(string role) => LatestGossip.RoleLeader(role, SelfUniqueAddress);

    /// <summary>The leader of <paramref name="members"/> as this node sees it (<see cref="Gossip.LeaderOf"/>).</summary>
    /// <param name="members">The candidates.</param>
    public UniqueAddress? LeaderOf(IEnumerable<Member> members) => LatestGossip.LeaderOf(members, SelfUniqueAddress);

    /// <summary>Convergence as this node sees it (<see cref="Gossip.Convergence"/>).</summary>
    /// <param name="exitingConfirmed">Exiting nodes that confirmed they are shutting down.</param>
    public bool Convergence(IReadOnlySet<UniqueAddress> exitingConfirmed) => LatestGossip.Convergence(SelfUniqueAddress, exitingConfirmed);

    /// <summary>The youngest member (<see cref="Gossip.YoungestMember"/>).</summary>
    public Member Youngest => LatestGossip.YoungestMember;

    /// <summary>The oldest Up or Leaving member (<see cref="Gossip.OldestMember"/>).</summary>
    /// <param name="role">Only members with this role, or <see langword="null"/> for all.</param>
    public Member? Oldest(string? role = null) => LatestGossip.OldestMember(role);

    /// <summary>True when <paramref name="node"/> is a member no one but Down members sees as unreachable.</summary>
    /// <param name="node">The node.</param>
    public bool IsReachableExcludingDownedObservers(UniqueAddress node) =>
        LatestGossip.HasMember(node) && LatestGossip.ReachabilityExcludingDownedObservers.IsReachable(node);

    /// <summary>
    /// True when this node may gossip to <paramref name="node"/>: never to itself, and not to a node this node sees
    /// as unreachable (its messages do not get through). Nodes others see as unreachable remain valid targets.
    /// </summary>
    /// <param name="node">The candidate target.</param>
    public bool ValidNodeForGossip(UniqueAddress node) =>
        !node.Equals(SelfUniqueAddress) && Reachability.IsReachable(SelfUniqueAddress, node);

    /// <summary>This state with the gossip marked as seen by this node.</summary>
    public MembershipState Seen() => new(LatestGossip.Seen(SelfUniqueAddress), SelfUniqueAddress);

    /// <summary>This state with another gossip.</summary>
    /// <param name="gossip">The new latest gossip.</param>
    public MembershipState WithGossip(Gossip gossip) => new(gossip, SelfUniqueAddress);
}
