namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.ReachabilityChanged"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>The reachability table changed; used by the split-brain resolver.</summary>
    /// <param name="Reachability">The new table.</param>
    public sealed record ReachabilityChanged(Reachability Reachability) : IClusterDomainEvent;
}
