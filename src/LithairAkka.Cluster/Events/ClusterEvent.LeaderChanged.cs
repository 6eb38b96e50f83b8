namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.LeaderChanged"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>The leader changed; <paramref name="Leader"/> is <see langword="null"/> when there is none.</summary>
    /// <param name="Leader">The new leader's address, if any.</param>
    public sealed record LeaderChanged(Address? Leader) : IClusterDomainEvent;
}
