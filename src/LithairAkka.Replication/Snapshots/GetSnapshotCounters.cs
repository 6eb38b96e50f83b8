namespace LithairAkka.Replication.Snapshots;

/// <summary>Asks a <c>ReplicaGroup</c> for its snapshot counters; answered with <see cref="SnapshotCounters"/>.</summary>
public sealed record GetSnapshotCounters
{
    /// <summary>The single instance.</summary>
    public static GetSnapshotCounters Instance { get; } = new();
}
