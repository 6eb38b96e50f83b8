namespace LithairAkka.Replication.Snapshots;

/// <summary>Tells the <see cref="SnapshotCoordinator"/> to drop every transfer (its group stopped leading); they count as failures.</summary>
public sealed record AbandonSnapshotTransfers
{
    /// <summary>The single instance.</summary>
    public static AbandonSnapshotTransfers Instance { get; } = new();
}
