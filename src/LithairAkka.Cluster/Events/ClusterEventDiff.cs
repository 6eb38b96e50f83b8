using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// Computes the <see cref="ClusterEvent"/>s between two successive gossips of one node, as Akka's
/// <c>ClusterEvent.diffXxx</c> functions. Pure and thread-safe.
/// </summary>
public static class ClusterEventDiff
{
    private static readonly ImmutableHashSet<UniqueAddress> NoneConfirmed = [];

    /// <summary>
    /// Every event between <paramref name="oldGossip"/> and <paramref name="newGossip"/>, in publication order:
    /// member events (removals first), unreachable, reachable, leader, role leaders, seen, reachability.
    /// </summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    /// <returns>The events; empty when both gossips are the same instance.</returns>
    public static ImmutableList<ClusterEvent.IClusterDomainEvent> Diff(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(oldGossip);
        ArgumentNullException.ThrowIfNull(newGossip);
        ArgumentNullException.ThrowIfNull(self);
        if (ReferenceEquals(oldGossip, newGossip))
        {
            return [];
        }

        var events = ImmutableList.CreateBuilder<ClusterEvent.IClusterDomainEvent>();
        events.AddRange(DiffMemberEvents(oldGossip, newGossip));
        events.AddRange(DiffUnreachable(oldGossip, newGossip, self));
        events.AddRange(DiffReachable(oldGossip, newGossip, self));
        events.AddRange(DiffLeader(oldGossip, newGossip, self));
        events.AddRange(DiffRolesLeader(oldGossip, newGossip, self));
        events.AddRange(DiffSeen(oldGossip, newGossip, self));
        events.AddRange(DiffReachability(oldGossip, newGossip));
        return events.ToImmutable();
    }

    /// <summary>The events a new <see cref="ClusterEvent.InitialStateAsEvents"/> subscriber receives first.</summary>
    /// <param name="gossip">The current gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.IClusterDomainEvent> InitialStateAsEvents(Gossip gossip, UniqueAddress self) =>
        Diff(Gossip.Empty, gossip, self);

    /// <summary>The snapshot a new <see cref="ClusterEvent.InitialStateAsSnapshot"/> subscriber receives.</summary>
    /// <param name="gossip">The current gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ClusterEvent.CurrentClusterState CurrentState(Gossip gossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(self);
        var unreachable = gossip.Overview.Reachability.AllUnreachableOrTerminated
            .Where(node => !node.Equals(self) && gossip.HasMember(node))
            .Select(gossip.GetMember)
            .ToImmutableHashSet();
        return new ClusterEvent.CurrentClusterState(
            gossip.Members,
            unreachable,
            [.. gossip.SeenBy.Select(s => s.Address)],
            gossip.Leader(self)?.Address,
            gossip.AllRoles.ToImmutableDictionary(role => role, role => gossip.RoleLeader(role, self)?.Address));
    }

    /// <summary>
    /// Member status events: <see cref="ClusterEvent.MemberRemoved"/> for members gone (with their last status), then
    /// one event per new member or member whose status or up-number changed, by address.
    /// </summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    public static ImmutableList<ClusterEvent.IMemberEvent> DiffMemberEvents(Gossip oldGossip, Gossip newGossip)
    {
        if (ReferenceEquals(oldGossip, newGossip))
        {
            return [];
        }

        var events = ImmutableList.CreateBuilder<ClusterEvent.IMemberEvent>();
        foreach (var removed in oldGossip.Members.Except(newGossip.Members))
        {
            events.Add(new ClusterEvent.MemberRemoved(removed.Copy(MemberStatus.Removed), removed.Status));
        }

        foreach (var member in newGossip.Members)
        {
            var old = oldGossip.HasMember(member.UniqueAddress) ? oldGossip.GetMember(member.UniqueAddress) : null;
            if (old is not null && old.Status == member.Status && old.UpNumber == member.UpNumber)
            {
                continue;
            }

            ClusterEvent.IMemberEvent? evt = member.Status switch
            {
                MemberStatus.Joining => new ClusterEvent.MemberJoined(member),
                MemberStatus.WeaklyUp => new ClusterEvent.MemberWeaklyUp(member),
                MemberStatus.Up => new ClusterEvent.MemberUp(member),
                MemberStatus.Leaving => new ClusterEvent.MemberLeft(member),
                MemberStatus.Exiting => new ClusterEvent.MemberExited(member),
                MemberStatus.Down => new ClusterEvent.MemberDowned(member),
                _ => null,
            };
            if (evt is not null)
            {
                events.Add(evt);
            }
        }

        return events.ToImmutable();
    }

    /// <summary>Members that became unreachable (or terminated), excluding <paramref name="self"/>.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.UnreachableMember> DiffUnreachable(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        if (ReferenceEquals(oldGossip, newGossip))
        {
            return [];
        }

        var before = oldGossip.Overview.Reachability.AllUnreachableOrTerminated;
        return [.. newGossip.Overview.Reachability.AllUnreachableOrTerminated
            .Where(node => !before.Contains(node) && !node.Equals(self) && newGossip.HasMember(node))
            .Select(node => new ClusterEvent.UnreachableMember(newGossip.GetMember(node)))
            .OrderBy(e => e.Member, Member.Ordering)];
    }

    /// <summary>Members that were unreachable and are reachable again, excluding <paramref name="self"/>.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.ReachableMember> DiffReachable(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        if (ReferenceEquals(oldGossip, newGossip))
        {
            return [];
        }

        return [.. oldGossip.Overview.Reachability.AllUnreachable
            .Where(node => newGossip.HasMember(node) && newGossip.Overview.Reachability.IsReachable(node) && !node.Equals(self))
            .Select(node => new ClusterEvent.ReachableMember(newGossip.GetMember(node)))
            .OrderBy(e => e.Member, Member.Ordering)];
    }

    /// <summary>A <see cref="ClusterEvent.LeaderChanged"/> when the leader differs.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.LeaderChanged> DiffLeader(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        var newLeader = newGossip.Leader(self);
        return Equals(newLeader, oldGossip.Leader(self)) ? [] : [new ClusterEvent.LeaderChanged(newLeader?.Address)];
    }

    /// <summary>A <see cref="ClusterEvent.RoleLeaderChanged"/> for every role whose leader differs, by role name.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.RoleLeaderChanged> DiffRolesLeader(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        var events = ImmutableList.CreateBuilder<ClusterEvent.RoleLeaderChanged>();
        foreach (var role in oldGossip.AllRoles.Union(newGossip.AllRoles).Order(StringComparer.Ordinal))
        {
            var newLeader = newGossip.RoleLeader(role, self);
            if (!Equals(newLeader, oldGossip.RoleLeader(role, self)))
            {
                events.Add(new ClusterEvent.RoleLeaderChanged(role, newLeader?.Address));
            }
        }

        return events.ToImmutable();
    }

    /// <summary>A <see cref="ClusterEvent.SeenChanged"/> when convergence or the seen set changed.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    /// <param name="self">The node publishing.</param>
    public static ImmutableList<ClusterEvent.SeenChanged> DiffSeen(Gossip oldGossip, Gossip newGossip, UniqueAddress self)
    {
        if (ReferenceEquals(oldGossip, newGossip))
        {
            return [];
        }

        var convergence = newGossip.Convergence(self, NoneConfirmed);
        if (convergence == oldGossip.Convergence(self, NoneConfirmed) && newGossip.SeenBy.SetEquals(oldGossip.SeenBy))
        {
            return [];
        }

        return [new ClusterEvent.SeenChanged(convergence, newGossip.SeenBy.Select(s => s.Address).ToImmutableHashSet())];
    }

    /// <summary>A <see cref="ClusterEvent.ReachabilityChanged"/> when the reachability table changed.</summary>
    /// <param name="oldGossip">The previous gossip.</param>
    /// <param name="newGossip">The new gossip.</param>
    public static ImmutableList<ClusterEvent.ReachabilityChanged> DiffReachability(Gossip oldGossip, Gossip newGossip) =>
        newGossip.Overview.Reachability.Equals(oldGossip.Overview.Reachability)
            ? []
            : [new ClusterEvent.ReachabilityChanged(newGossip.Overview.Reachability)];
}
