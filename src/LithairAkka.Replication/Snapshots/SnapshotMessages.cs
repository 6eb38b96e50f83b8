using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// One piece of a snapshot streamed from the leader's <c>ReplicaGroup</c> to a follower's. Chunks of one transfer
/// travel in order; the follower steps <paramref name="Request"/> once the last one arrived.
/// </summary>
/// <param name="Request">The install request the snapshot answers (its metadata describes the data).</param>
/// <param name="Offset">Byte offset of <paramref name="Data"/> in the encoded snapshot.</param>
/// <param name="TotalLength">Length of the encoded snapshot.</param>
/// <param name="Data">The bytes, at most <c>snapshot-chunk-size</c> (capped below the remote frame limit).</param>
public sealed record SnapshotChunk(InstallSnapshotRequest Request, long Offset, long TotalLength, ReadOnlyMemory<byte> Data)
{
    /// <summary>Whether this chunk completes the snapshot.</summary>
    public bool IsLast => Offset + Data.Length == TotalLength;
}

/// <summary>From the follower: a snapshot transfer was assembled (<paramref name="Success"/>) or refused.</summary>
/// <param name="Group">The replication group.</param>
/// <param name="Follower">The follower.</param>
/// <param name="SnapshotIndex">Index of the snapshot.</param>
/// <param name="Success">Whether the follower assembled it.</param>
public sealed record SnapshotTransferResult(GroupId Group, NodeId Follower, long SnapshotIndex, bool Success);

/// <summary>Asks a <c>ReplicaGroup</c> for its snapshot counters; answered with <see cref="SnapshotCounters"/>.</summary>
public sealed record GetSnapshotCounters
{
    /// <summary>The single instance.</summary>
    public static GetSnapshotCounters Instance { get; } = new();
}

/// <summary>Snapshot counters of one group on one node.</summary>
/// <param name="SnapshotsCreated"><c>snapshots_created</c>: snapshots taken locally.</param>
/// <param name="SendAttempts"><c>send_attempts</c>: transfers started to followers.</param>
/// <param name="SendSuccesses"><c>send_successes</c>: transfers a follower assembled.</param>
/// <param name="SendFailures"><c>send_failures</c>: transfers refused or timed out.</param>
/// <param name="SnapshotsInstalled">Snapshots received from a leader and installed.</param>
public sealed record SnapshotCounters(
    long SnapshotsCreated, long SendAttempts, long SendSuccesses, long SendFailures, long SnapshotsInstalled);
