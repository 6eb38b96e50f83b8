using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The leader's periodic duties as a pure function (Akka's <c>ClusterCoreDaemon.leaderActions</c>), run every
/// <c>leader-actions-interval</c> on every node; only the leader acts. With convergence it moves Joining and WeaklyUp
/// members to Up (once <c>min-nr-of-members</c> and the per-role minimums are met, assigning increasing up-numbers),
/// Leaving members to Exiting, and removes the unreachable Down and Exiting members, the Exiting members that
/// confirmed, and the Down members that have seen they are Down. Without convergence, after
/// <c>allow-weakly-up-members</c>, it moves reachable Joining members to WeaklyUp. A changed gossip gets the
/// leader's vector clock tick and is seen only by the leader. Thread-safe.
/// </summary>
public static class LeaderActions
{
    /// <summary>Runs one leader-actions tick.</summary>
    /// <param name="gossip">This node's latest gossip.</param>
    /// <param name="self">This node.</param>
    /// <param name="settings">The cluster settings.</param>
    /// <param name="state">The state from the previous tick (<see cref="LeaderActionsState.Initial"/> at first).</param>
    /// <param name="now">The current time, stamped on tombstones of removed nodes.</param>
    /// <returns>The new gossip, its events and the state for the next tick.</returns>
    public static LeaderActionsResult Compute(Gossip gossip, UniqueAddress self, ClusterSettings settings, LeaderActionsState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        var convergence = gossip.Convergence(self, state.ExitingConfirmed);
        if (!gossip.IsLeader(self, self))
        {
            return new LeaderActionsResult(gossip, [], new LeaderActionsState(0, CleanupExitingConfirmed(state.ExitingConfirmed, gossip)),
                IsLeader: false, convergence, [], [], HasChanged: false);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        Gossip updated;
        ImmutableList<Member> changed;
        var removed = ImmutableHashSet<UniqueAddress>.Empty;
        var exitingConfirmed = state.ExitingConfirmed;
        int ticks;
        if (convergence)
        {
            ticks = 0;
            (updated, changed, removed) = OnConvergence(gossip, settings, exitingConfirmed, nowMs);
            exitingConfirmed = exitingConfirmed.Except(removed);
            updated = updated.PruneTombstones(nowMs - (long)settings.PruneGossipTombstonesAfter.TotalMilliseconds);
        }
        else
        {
            ticks = state.TicksWithoutConvergence + 1;
            (updated, changed) = settings.AllowWeaklyUpMembers && settings.LeaderActionsInterval * ticks >= settings.WeaklyUpAfter
                ? MoveJoiningToWeaklyUp(gossip, settings)
                : (gossip, []);
        }

        var hasChanged = !ReferenceEquals(updated, gossip);
        if (hasChanged)
        {
            updated = updated.Increment(self).OnlySeen(self);
        }

        return new LeaderActionsResult(
            updated,
            ClusterEventDiff.Diff(gossip, updated, self),
            new LeaderActionsState(ticks, CleanupExitingConfirmed(exitingConfirmed, updated)),
            IsLeader: true,
            convergence,
            changed,
            removed,
            hasChanged);
    }

    /// <summary>
    /// True when the gossip has at least <c>min-nr-of-members</c> members and, for every role with a
    /// <c>role.&lt;name&gt;.min-nr-of-members</c>, at least that many members with the role (any status).
    /// </summary>
    /// <param name="gossip">The gossip.</param>
    /// <param name="settings">The cluster settings.</param>
    public static bool IsMinNrOfMembersFulfilled(Gossip gossip, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(settings);
        return gossip.Members.Count >= settings.MinNrOfMembers
            && settings.MinNrOfMembersOfRole.All(r => gossip.Members.Count(m => m.HasRole(r.Key)) >= r.Value);
    }

    /// <summary>
    /// The members to gossip a move to Exiting to at once, so that singletons hand over quickly: the two oldest
    /// members, and the two oldest with each role of the exiting members.
    /// </summary>
    /// <param name="gossip">The gossip with the exiting members.</param>
    /// <param name="exitingMembers">The members just moved to Exiting.</param>
    public static ImmutableHashSet<Member> GossipTargetsForExitingMembers(Gossip gossip, IEnumerable<Member> exitingMembers)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(exitingMembers);
        var exiting = exitingMembers.ToList();
        if (exiting.Count == 0)
        {
            return [];
        }

        var byAge = gossip.Members.Order(Member.AgeOrdering).ToList();
        var targets = byAge.Take(2).ToImmutableHashSet().ToBuilder();
        foreach (var role in exiting.SelectMany(m => m.Roles).Distinct(StringComparer.Ordinal))
        {
            targets.UnionWith(byAge.Where(m => m.HasRole(role)).Take(2));
        }

        return targets.ToImmutable();
    }

    private static (Gossip Gossip, ImmutableList<Member> Changed, ImmutableHashSet<UniqueAddress> Removed) OnConvergence(
        Gossip gossip, ClusterSettings settings, ImmutableHashSet<UniqueAddress> exitingConfirmed, long nowMs)
    {
        var removedUnreachable = gossip.Overview.Reachability.AllUnreachableOrTerminated
            .Where(gossip.HasMember)
            .Where(node => Gossip.RemoveUnreachableWithMemberStatus.Contains(gossip.GetMember(node).Status));
        var removedExitingConfirmed = exitingConfirmed.Where(node => gossip.GetMember(node).Status == MemberStatus.Exiting);

        // A Down member that has seen this gossip knows it is down and shuts itself down; no need to wait for its
        // failure detector verdict before removing it.
        var removedDownSeen = gossip.Members
            .Where(m => m.Status == MemberStatus.Down && gossip.SeenByNode(m.UniqueAddress))
            .Select(m => m.UniqueAddress);
        var removed = removedUnreachable.Concat(removedExitingConfirmed).Concat(removedDownSeen).ToImmutableHashSet();

        var enoughMembers = IsMinNrOfMembersFulfilled(gossip, settings);
        var changed = ImmutableList.CreateBuilder<Member>();
        var upNumber = 0;
        foreach (var member in gossip.Members)
        {
            if (removed.Contains(member.UniqueAddress))
            {
                continue;
            }

            if (member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp && enoughMembers)
            {
                // Up-numbers only order current members by age, so reusing one of a removed member is fine.
                if (upNumber == 0)
                {
                    var youngest = gossip.YoungestMember.UpNumber;
                    upNumber = youngest == int.MaxValue ? 1 : youngest + 1;
                }
                else
                {
                    upNumber++;
                }

                changed.Add(member.CopyUp(upNumber));
            }
            else if (member.Status == MemberStatus.Leaving)
            {
                changed.Add(member.Copy(MemberStatus.Exiting));
            }
        }

        if (removed.IsEmpty && changed.Count == 0)
        {
            return (gossip, [], []);
        }

        return (gossip.Update(changed).RemoveAll(removed, nowMs), changed.ToImmutable(), removed);
    }

    private static (Gossip Gossip, ImmutableList<Member> Changed) MoveJoiningToWeaklyUp(Gossip gossip, ClusterSettings settings)
    {
        if (!IsMinNrOfMembersFulfilled(gossip, settings))
        {
            return (gossip, []);
        }

        var reachability = gossip.ReachabilityExcludingDownedObservers;
        var changed = gossip.Members
            .Where(m => m.Status == MemberStatus.Joining && reachability.IsReachable(m.UniqueAddress))
            .Select(m => m.Copy(MemberStatus.WeaklyUp))
            .ToImmutableList();
        return changed.IsEmpty ? (gossip, changed) : (gossip.Update(changed), changed);
    }

    private static ImmutableHashSet<UniqueAddress> CleanupExitingConfirmed(ImmutableHashSet<UniqueAddress> exitingConfirmed, Gossip gossip) =>
        exitingConfirmed.IsEmpty ? exitingConfirmed : exitingConfirmed.Where(gossip.HasMember).ToImmutableHashSet();
}
