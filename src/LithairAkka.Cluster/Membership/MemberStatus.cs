namespace LithairAkka.Cluster;

/// <summary>
/// The lifecycle status of a cluster member, as in Akka. The leader moves members forward
/// (<see cref="Member.AllowedTransitions"/>): Joining → (WeaklyUp) → Up → Leaving → Exiting → Removed, and any
/// live status → Down → Removed.
/// </summary>
public enum MemberStatus
{
    /// <summary>The node asked to join; the leader moves it to <see cref="Up"/> once the cluster converged.</summary>
    Joining = 0,

    /// <summary>
    /// The node joined while convergence was blocked by unreachable members
    /// (<c>akka.cluster.allow-weakly-up-members</c>); it becomes <see cref="Up"/> at the next convergence.
    /// </summary>
    WeaklyUp = 1,

    /// <summary>A full member of the cluster.</summary>
    Up = 2,

    /// <summary>The member asked to leave; the leader moves it to <see cref="Exiting"/> at convergence.</summary>
    Leaving = 3,

    /// <summary>Every member has seen the leave; the node shuts down and the leader removes it.</summary>
    Exiting = 4,

    /// <summary>The member was marked down (by an operator or the split-brain resolver) and will be removed.</summary>
    Down = 5,

    /// <summary>The member is no longer part of the cluster; only seen in <see cref="ClusterEvent.MemberRemoved"/>.</summary>
    Removed = 6,
}
