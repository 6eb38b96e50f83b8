namespace LithairAkka.Cluster;

/// <summary>
/// What a node does with a gossip it receives, as a pure function (Akka's <c>ClusterCoreDaemon.receiveGossip</c>).
/// Thread-safe.
/// </summary>
public static class GossipReceive
{
    /// <summary>
    /// Applies a received gossip: ignored when meant for another incarnation, from a node this node does not know or
    /// sees as unreachable, or without this node; otherwise compared by vector clock and kept (older), taken (newer),
    /// seen-merged (same) or merged (concurrent, after pruning the clock entries of members one side already
    /// removed). The result is marked as seen by this node unless its exiting tasks are in progress.
    /// </summary>
    /// <param name="local">This node's membership state.</param>
    /// <param name="from">The sender.</param>
    /// <param name="to">The intended receiver.</param>
    /// <param name="remote">The received gossip.</param>
    /// <param name="exitingTasksInProgress">True while this node runs its exiting tasks: the gossip is then not marked seen.</param>
    /// <returns>The outcome.</returns>
    public static ReceiveGossipResult Receive(MembershipState local, UniqueAddress from, UniqueAddress to, Gossip remote,
        bool exitingTasksInProgress = false)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(remote);
        var self = local.SelfUniqueAddress;
        var localGossip = local.LatestGossip;
        var ignoredReason = IgnoreReason(localGossip, self, from, to, remote);
        if (ignoredReason is not null)
        {
            return new ReceiveGossipResult(ReceiveGossipType.Ignored, localGossip, false, ignoredReason);
        }

        var (type, winning, talkback) = remote.Version.CompareTo(localGossip.Version) switch
        {
            VectorClock.Ordering.Same => (ReceiveGossipType.Same, remote.MergeSeen(localGossip), !exitingTasksInProgress && !remote.SeenByNode(self)),
            VectorClock.Ordering.Before => (ReceiveGossipType.Older, localGossip, true),
            VectorClock.Ordering.After => (ReceiveGossipType.Newer, remote, !exitingTasksInProgress && !remote.SeenByNode(self)),
            _ => (ReceiveGossipType.Merge, PruneRemoved(remote, localGossip).Merge(PruneRemoved(localGossip, remote)), true),
        };

        return new ReceiveGossipResult(type, exitingTasksInProgress ? winning : winning.Seen(self), talkback);
    }

    private static string? IgnoreReason(Gossip localGossip, UniqueAddress self, UniqueAddress from, UniqueAddress to, Gossip remote)
    {
        if (remote.Members.IsEmpty)
        {
            return "empty gossip";
        }

        if (!to.Equals(self))
        {
            return $"gossip intended for {to}";
        }

        if (!localGossip.HasMember(from))
        {
            return $"gossip from unknown node {from}";
        }

        if (!localGossip.IsReachable(self, from))
        {
            return $"gossip from unreachable node {from}";
        }

        return remote.HasMember(self) ? null : $"gossip that does not contain this node, from {from}";
    }

    /// <summary>
    /// <paramref name="gossip"/> with the clock entries of its Down and Exiting members that <paramref name="other"/>
    /// no longer has pruned, as the leader did when it removed them.
    /// </summary>
    private static Gossip PruneRemoved(Gossip gossip, Gossip other) => gossip.Members
        .Where(m => Gossip.RemoveUnreachableWithMemberStatus.Contains(m.Status) && !other.HasMember(m.UniqueAddress))
        .Aggregate(gossip, (g, m) => g.Prune(m.UniqueAddress));
}
