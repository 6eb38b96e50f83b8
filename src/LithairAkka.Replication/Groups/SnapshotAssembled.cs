using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Groups;

/// <summary>A <see cref="FollowerReplica"/> tells its group that a snapshot arrived whole; the group installs it through the core.</summary>
/// <param name="Request">The leader's request (term, leader, metadata).</param>
/// <param name="Snapshot">The decoded snapshot.</param>
/// <param name="ReplyTo">The leader's <see cref="SnapshotCoordinator"/>, told the <see cref="SnapshotTransferResult"/>.</param>
public sealed record SnapshotAssembled(InstallSnapshotRequest Request, StoredSnapshot Snapshot, IActorRef ReplyTo);
