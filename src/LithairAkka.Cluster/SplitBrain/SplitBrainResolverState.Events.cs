namespace LithairAkka.Cluster;

/// <summary>Following the cluster events.</summary>
public sealed partial class SplitBrainResolverState
{
    /// <summary>
    /// The state after <paramref name="event"/> at <paramref name="now"/>, as Akka's resolver reacts: Up and Exiting
    /// members and every reachability change restart the stable deadline, reachability changes also count as
    /// instability (unless every unreachable node is now Down or Exiting); Joining, WeaklyUp and Leaving members only
    /// update the view; a Down member counts as unreachable; other events are ignored.
    /// </summary>
    /// <param name="event">A cluster event.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The new state (this instance when the event is of no interest).</returns>
    public SplitBrainResolverState Apply(ClusterEvent.IClusterDomainEvent @event, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var self = SelfUniqueAddress;
        return @event switch
        {
            ClusterEvent.SeenChanged e => new SplitBrainResolverState(this) { View = View.WithSeenBy(e.SeenBy) },
            ClusterEvent.ReachabilityChanged e => new SplitBrainResolverState(this) { View = View.WithReachability(e.Reachability) },
            ClusterEvent.LeaderChanged e => new SplitBrainResolverState(this) { IsLeader = e.Leader is not null && e.Leader.Equals(self.Address) },
            ClusterEvent.MemberJoined e => new SplitBrainResolverState(this) { View = View.Add(e.Member) },
            ClusterEvent.MemberWeaklyUp e => new SplitBrainResolverState(this)
            {
                View = View.Add(e.Member),
                SelfMemberAdded = SelfMemberAdded || e.Member.UniqueAddress.Equals(self),
            },
            ClusterEvent.MemberUp e => new SplitBrainResolverState(this)
            {
                View = View.Add(e.Member),
                SelfMemberAdded = SelfMemberAdded || e.Member.UniqueAddress.Equals(self),
                StableDeadline = now + StableAfter,
            },
            ClusterEvent.MemberLeft e => new SplitBrainResolverState(this) { View = View.Add(e.Member) },
            ClusterEvent.MemberExited e => new SplitBrainResolverState(this) { View = View.Add(e.Member), StableDeadline = now + StableAfter },
            ClusterEvent.UnreachableMember e => ReachabilityChange(e.Member, unreachable: true, now),
            ClusterEvent.MemberDowned e => ReachabilityChange(e.Member, unreachable: true, now),
            ClusterEvent.ReachableMember e => ReachabilityChange(e.Member, unreachable: false, now),
            ClusterEvent.MemberRemoved e => Removed(e.Member, now),
            _ => this,
        };
    }

    private SplitBrainResolverState ReachabilityChange(Member member, bool unreachable, DateTimeOffset now)
    {
        if (member.UniqueAddress.Equals(SelfUniqueAddress))
        {
            return this;
        }

        var view = unreachable ? View.AddUnreachable(member) : View.AddReachable(member);
        var stats = ReachabilityChangedStats.Changed(now);
        return new SplitBrainResolverState(this)
        {
            View = view,
            ReachabilityChangedStats = ResetIfAllUnreachableDowned(view, stats, now),
            StableDeadline = now + StableAfter,
        };
    }

    private SplitBrainResolverState Removed(Member member, DateTimeOffset now)
    {
        if (member.UniqueAddress.Equals(SelfUniqueAddress))
        {
            return new SplitBrainResolverState(this) { IsSelfRemoved = true };
        }

        var view = View.Remove(member);
        return new SplitBrainResolverState(this)
        {
            View = view,
            ReachabilityChangedStats = ResetIfAllUnreachableDowned(view, ReachabilityChangedStats, now),
        };
    }

    private static ReachabilityChangedStats ResetIfAllUnreachableDowned(SplitBrainView view, ReachabilityChangedStats stats, DateTimeOffset now) =>
        !stats.IsEmpty && view.IsAllUnreachableDownOrExiting ? ReachabilityChangedStats.Reset(now) : stats;
}
