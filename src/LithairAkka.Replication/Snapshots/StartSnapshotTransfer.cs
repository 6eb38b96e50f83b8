using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// Tells the <see cref="SnapshotCoordinator"/> to send <paramref name="Snapshot"/> to the follower named by
/// <paramref name="Request"/>, whose group is <paramref name="Follower"/>. A transfer of the same snapshot to that
/// follower already under way is kept; one of another snapshot is replaced.
/// </summary>
/// <param name="Request">The core's request; its metadata is replaced by the snapshot's.</param>
/// <param name="Snapshot">The stored snapshot to send.</param>
/// <param name="Follower">The follower's replica group (local or remote).</param>
public sealed record StartSnapshotTransfer(InstallSnapshotRequest Request, StoredSnapshot Snapshot, IActorRef Follower);
