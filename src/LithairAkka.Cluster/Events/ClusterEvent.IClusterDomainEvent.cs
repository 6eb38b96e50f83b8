namespace LithairAkka.Cluster;

/// <summary>The root of the event hierarchy.</summary>
public static partial class ClusterEvent
{
    /// <summary>Marker of every cluster domain event; subscribe to it to receive them all.</summary>
    public interface IClusterDomainEvent;
}
