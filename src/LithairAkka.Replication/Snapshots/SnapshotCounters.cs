namespace LithairAkka.Replication.Snapshots;

/// <summary>Snapshot counters of one group on one node.</summary>
/// <param name="SnapshotsCreated"><c>snapshots_created</c>: snapshots taken locally.</param>
/// <param name="SendAttempts"><c>send_attempts</c>: transfers started to followers.</param>
/// <param name="SendSuccesses"><c>send_successes</c>: transfers a follower assembled.</param>
/// <param name="SendFailures"><c>send_failures</c>: transfers refused or timed out.</param>
/// <param name="SnapshotsInstalled">Snapshots received from a leader and installed.</param>
public sealed record SnapshotCounters(
    long SnapshotsCreated, long SendAttempts, long SendSuccesses, long SendFailures, long SnapshotsInstalled);
