using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// A follower's answer to each snapshot chunk, sent to the leader's <see cref="SnapshotCoordinator"/>: it holds
/// <paramref name="NextOffset"/> bytes of snapshot <paramref name="SnapshotIndex"/>. The coordinator sends on from
/// there, so after a dropped connection the transfer resumes rather than restarts; 0 after some progress means the
/// follower lost its partial copy.
/// </summary>
/// <param name="Group">The replication group.</param>
/// <param name="Follower">The answering follower.</param>
/// <param name="SnapshotIndex">The index of the snapshot being transferred.</param>
/// <param name="NextOffset">The bytes the follower holds, i.e. the offset it needs next.</param>
public sealed record SnapshotChunkAck(GroupId Group, NodeId Follower, long SnapshotIndex, long NextOffset);
