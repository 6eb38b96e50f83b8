namespace LithairAkka.Cluster;

/// <summary>
/// Moves this node's failure-detector verdicts into the gossip's reachability table (Akka's
/// <c>reapUnreachableMembers</c>), run every <c>unreachable-nodes-reaper-interval</c>. Pure; thread-safe.
/// </summary>
public static class UnreachableNodesReaper
{
    /// <summary>
    /// Records as unreachable, by this node, every other member the failure detector no longer considers available
    /// (unless already recorded), and as reachable every member recorded unreachable that is available again. Does
    /// nothing in a one-member cluster. A changed gossip gets this node's clock tick and is seen only by it.
    /// </summary>
    /// <param name="gossip">This node's latest gossip.</param>
    /// <param name="self">This node.</param>
    /// <param name="isAvailable">The failure detector's verdict for a member.</param>
    /// <returns>The new gossip and the members whose reachability changed.</returns>
    public static ReapResult Reap(Gossip gossip, UniqueAddress self, Func<Member, bool> isAvailable)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(isAvailable);
        if (gossip.IsSingletonCluster)
        {
            return new ReapResult(gossip, [], []);
        }

        var reachability = gossip.Overview.Reachability;
        var newlyUnreachable = gossip.Members
            .Where(m => !m.UniqueAddress.Equals(self)
                && reachability.Status(self, m.UniqueAddress) == ReachabilityStatus.Reachable
                && !isAvailable(m))
            .ToList();
        var newlyReachable = reachability.AllUnreachableFrom(self)
            .Where(node => !node.Equals(self) && gossip.HasMember(node) && isAvailable(gossip.GetMember(node)))
            .Select(gossip.GetMember)
            .Order(Member.Ordering)
            .ToList();
        if (newlyUnreachable.Count == 0 && newlyReachable.Count == 0)
        {
            return new ReapResult(gossip, [], []);
        }

        var updated = newlyUnreachable.Aggregate(reachability, (r, m) => r.Unreachable(self, m.UniqueAddress));
        updated = newlyReachable.Aggregate(updated, (r, m) => r.Reachable(self, m.UniqueAddress));
        var newGossip = gossip.Copy(overview: gossip.Overview with { Reachability = updated }).Increment(self).OnlySeen(self);
        return new ReapResult(newGossip, [.. newlyUnreachable], [.. newlyReachable]);
    }
}
