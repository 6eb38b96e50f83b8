namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.UnreachableMember"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>Some member's failure detector now sees this member as unreachable (and none saw it so before).</summary>
    /// <param name="Member">The member concerned.</param>
    public sealed record UnreachableMember(Member Member) : IReachabilityEvent
    {
        /// <summary>The member concerned.</summary>
        public Member Member { get; } = Member ?? throw new ArgumentNullException(nameof(Member));
    }
}
