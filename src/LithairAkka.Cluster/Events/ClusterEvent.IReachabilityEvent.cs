namespace LithairAkka.Cluster;

/// <summary>Reachability events.</summary>
public static partial class ClusterEvent
{
    /// <summary>A member became unreachable or reachable again, as aggregated over all observers.</summary>
    public interface IReachabilityEvent : IClusterDomainEvent
    {
        /// <summary>The member concerned.</summary>
        Member Member { get; }
    }
}
