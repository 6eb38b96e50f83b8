namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// The snapshot counters of one group on one node (<c>/_raft/resync_stats</c>), kept by its
/// <see cref="SnapshotCoordinator"/> across leaderships.
/// </summary>
/// <param name="SnapshotsCreated">Snapshots taken of the local state machine.</param>
/// <param name="SendAttempts">Transfers started to followers.</param>
/// <param name="SendSuccesses">Transfers a follower confirmed installed.</param>
/// <param name="SendFailures">Transfers refused, timed out or abandoned (leadership lost).</param>
/// <param name="SnapshotsInstalled">Snapshots received from a leader and installed here.</param>
/// <param name="ChunksSent">Chunks sent, resends included.</param>
/// <param name="Resumes">Times a transfer resent from the follower's last acknowledged offset (silence or a gap).</param>
/// <param name="Timeouts">Transfers that did not finish within <c>snapshot-timeout</c>.</param>
public sealed record SnapshotCounters(
    long SnapshotsCreated,
    long SendAttempts,
    long SendSuccesses,
    long SendFailures,
    long SnapshotsInstalled,
    long ChunksSent,
    long Resumes,
    long Timeouts);
