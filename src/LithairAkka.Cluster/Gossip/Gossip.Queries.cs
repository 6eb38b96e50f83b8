using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>Membership queries: lookup, leader election, convergence and age.</summary>
public sealed partial class Gossip
{
    private static readonly ImmutableHashSet<MemberStatus> LeaderMemberStatus = [MemberStatus.Up, MemberStatus.Leaving];
    private static readonly ImmutableHashSet<MemberStatus> ConvergenceMemberStatus = [MemberStatus.Up, MemberStatus.Leaving];

    /// <summary>Unreachable members with these statuses do not block convergence (Down, Exiting).</summary>
    public static ImmutableHashSet<MemberStatus> ConvergenceSkipUnreachableWithMemberStatus { get; } = [MemberStatus.Down, MemberStatus.Exiting];

    /// <summary>Unreachable members with these statuses are removed by the leader (Down, Exiting).</summary>
    public static ImmutableHashSet<MemberStatus> RemoveUnreachableWithMemberStatus { get; } = [MemberStatus.Down, MemberStatus.Exiting];

    /// <summary>Every role of every member.</summary>
    public ImmutableHashSet<string> AllRoles => Members.SelectMany(m => m.Roles).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>True when the cluster has exactly one member.</summary>
    public bool IsSingletonCluster => Members.Count == 1;

    /// <summary>True when <paramref name="node"/> is a member.</summary>
    /// <param name="node">The node.</param>
    public bool HasMember(UniqueAddress node) => _membersByAddress.ContainsKey(node);

    /// <summary>The member of <paramref name="node"/>, or a <see cref="Member.Removed"/> placeholder.</summary>
    /// <param name="node">The node.</param>
    public Member GetMember(UniqueAddress node) => _membersByAddress.TryGetValue(node, out var member) ? member : Member.Removed(node);

    /// <summary>True when <paramref name="to"/> is a member that <paramref name="from"/> sees as reachable.</summary>
    /// <param name="from">The observer.</param>
    /// <param name="to">The subject.</param>
    public bool IsReachable(UniqueAddress from, UniqueAddress to) => HasMember(to) && Overview.Reachability.IsReachable(from, to);

    /// <summary>The leader as seen from <paramref name="self"/> (see <see cref="LeaderOf"/>).</summary>
    /// <param name="self">The node asking.</param>
    public UniqueAddress? Leader(UniqueAddress self) => LeaderOf(Members, self);

    /// <summary>True when <paramref name="node"/> is the leader as seen from <paramref name="self"/>.</summary>
    /// <param name="node">The candidate.</param>
    /// <param name="self">The node asking.</param>
    public bool IsLeader(UniqueAddress node, UniqueAddress self) => Leader(self) is { } leader && leader.Equals(node);

    /// <summary>The leader among the members with <paramref name="role"/>, as seen from <paramref name="self"/>.</summary>
    /// <param name="role">The role.</param>
    /// <param name="self">The node asking.</param>
    public UniqueAddress? RoleLeader(string role, UniqueAddress self) => LeaderOf(Members.Where(m => m.HasRole(role)), self);

    /// <summary>
    /// Akka's leader rule: among <paramref name="members"/> that are not Down and are reachable (self counts as
    /// reachable), the first Up or Leaving member by address; when there is none, the first by
    /// <see cref="Member.LeaderStatusOrdering"/> (WeaklyUp, then Joining, then Exiting). Every node that sees the same
    /// gossip picks the same leader; during a partition each side may pick its own.
    /// </summary>
    /// <param name="members">The candidates.</param>
    /// <param name="self">The node asking.</param>
    /// <returns>The leader, or <see langword="null"/> when no candidate qualifies.</returns>
    public UniqueAddress? LeaderOf(IEnumerable<Member> members, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(members);
        var reachability = Overview.Reachability;
        var candidates = members
            .Where(m => m.Status != MemberStatus.Down && (reachability.IsReachable(m.UniqueAddress) || m.UniqueAddress.Equals(self)))
            .Order(Member.Ordering)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var leader = candidates.FirstOrDefault(m => LeaderMemberStatus.Contains(m.Status)) ?? candidates.Min(Member.LeaderStatusOrdering)!;
        return leader.UniqueAddress;
    }

    /// <summary>
    /// Akka's convergence rule, as seen from <paramref name="self"/>: every node seen as unreachable (ignoring
    /// observations by Down members, self and confirmed-exiting nodes) is Down or Exiting, and every Up or Leaving
    /// member has seen this version or confirmed its exit. Only with convergence may the leader change statuses.
    /// </summary>
    /// <param name="self">The node asking.</param>
    /// <param name="exitingConfirmed">Exiting nodes that confirmed they are shutting down.</param>
    /// <returns>True when the gossip has converged.</returns>
    public bool Convergence(UniqueAddress self, IReadOnlySet<UniqueAddress> exitingConfirmed)
    {
        ArgumentNullException.ThrowIfNull(exitingConfirmed);
        var unreachableBlocks = ReachabilityExcludingDownedObservers.AllUnreachableOrTerminated
            .Where(node => !node.Equals(self) && !exitingConfirmed.Contains(node))
            .Any(node => !ConvergenceSkipUnreachableWithMemberStatus.Contains(GetMember(node).Status));
        if (unreachableBlocks)
        {
            return false;
        }

        return !Members.Any(m => ConvergenceMemberStatus.Contains(m.Status)
            && !(SeenByNode(m.UniqueAddress) || exitingConfirmed.Contains(m.UniqueAddress)));
    }

    /// <summary>The member with the highest up-number (a member not yet up counts as 0), as Akka.</summary>
    /// <exception cref="InvalidOperationException">There are no members.</exception>
    public Member YoungestMember => Members.Count == 0
        ? throw new InvalidOperationException("No youngest member when there are no members.")
        : Members.MaxBy(m => m.UpNumber == int.MaxValue ? 0 : m.UpNumber)!;

    /// <summary>
    /// The oldest member (<see cref="Member.AgeOrdering"/>) with status Up or Leaving, optionally with
    /// <paramref name="role"/>: the node that hosts cluster singletons.
    /// </summary>
    /// <param name="role">Only members with this role, or <see langword="null"/> for all.</param>
    /// <returns>The oldest member, or <see langword="null"/> when none qualifies.</returns>
    public Member? OldestMember(string? role = null) => Members
        .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving && (role is null || m.HasRole(role)))
        .Order(Member.AgeOrdering)
        .FirstOrDefault();
}
