using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// One piece of a snapshot streamed from the leader's <see cref="SnapshotCoordinator"/> to a follower's
/// <c>ReplicaGroup</c>, which routes it to its <c>FollowerReplica</c>. Each chunk is answered with a
/// <see cref="SnapshotChunkAck"/>; the follower's group steps <paramref name="Request"/> once the last one arrived.
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
