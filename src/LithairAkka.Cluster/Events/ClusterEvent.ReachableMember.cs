namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.ReachableMember"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>No member's failure detector sees this previously unreachable member as unreachable any more.</summary>
    /// <param name="Member">The member concerned.</param>
    public sealed record ReachableMember(Member Member) : IReachabilityEvent
    {
        /// <summary>The member concerned.</summary>
        public Member Member { get; } = Member ?? throw new ArgumentNullException(nameof(Member));
    }
}
