namespace LithairAkka.Cluster;

/// <summary>
/// The membership events a cluster node publishes, with Akka's names (<c>ClusterEvent.MemberUp</c>,
/// <c>ClusterEvent.UnreachableMember</c>, …). Every event is an immutable record. <see cref="ClusterEventDiff"/>
/// computes them from two successive gossips; a subscriber receives either the events leading to the current state
/// (<see cref="InitialStateAsEvents"/>) or one <see cref="CurrentClusterState"/> snapshot
/// (<see cref="InitialStateAsSnapshot"/>) before the live events.
/// </summary>
public static partial class ClusterEvent
{
    /// <summary>How a new subscriber learns the state that existed before it subscribed.</summary>
    public enum SubscriptionInitialStateMode
    {
        /// <summary>As the events that would have led to the current state (<see cref="ClusterEventDiff.InitialStateAsEvents"/>).</summary>
        InitialStateAsEvents,

        /// <summary>As one <see cref="CurrentClusterState"/> message.</summary>
        InitialStateAsSnapshot,
    }

    /// <summary>Subscribe with the current state replayed as events.</summary>
    public static SubscriptionInitialStateMode InitialStateAsEvents => SubscriptionInitialStateMode.InitialStateAsEvents;

    /// <summary>Subscribe with the current state as one <see cref="CurrentClusterState"/> snapshot.</summary>
    public static SubscriptionInitialStateMode InitialStateAsSnapshot => SubscriptionInitialStateMode.InitialStateAsSnapshot;

    private static Member Expect(Member member, MemberStatus status)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Status == status
            ? member
            : throw new ArgumentException($"Expected a member with status {status}, got {member}.", nameof(member));
    }
}
