namespace LithairAkka.Cluster;

/// <summary>Member status events.</summary>
public static partial class ClusterEvent
{
    /// <summary>A member's status changed; <see cref="Member"/> carries the new status.</summary>
    public interface IMemberEvent : IClusterDomainEvent
    {
        /// <summary>The member, with its new status.</summary>
        Member Member { get; }
    }
}
