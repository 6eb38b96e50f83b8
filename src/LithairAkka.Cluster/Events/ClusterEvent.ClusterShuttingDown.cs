namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.ClusterShuttingDown"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>The cluster extension of this node is shutting down; no further events follow but the final removals.</summary>
    public sealed record ClusterShuttingDown : IClusterDomainEvent
    {
        private ClusterShuttingDown()
        {
        }

        /// <summary>The only instance.</summary>
        public static ClusterShuttingDown Instance { get; } = new();
    }
}
