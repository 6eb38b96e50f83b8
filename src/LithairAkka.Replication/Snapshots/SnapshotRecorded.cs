namespace LithairAkka.Replication.Snapshots;

/// <summary>Tells the <see cref="SnapshotCoordinator"/> that its group stored a snapshot, for the counters.</summary>
/// <param name="Installed">True for one received from a leader and installed; false for one taken locally.</param>
public sealed record SnapshotRecorded(bool Installed);
