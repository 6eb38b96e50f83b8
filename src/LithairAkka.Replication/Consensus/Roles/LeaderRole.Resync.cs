namespace LithairAkka.Replication.Consensus;

/// <summary>Operator-forced resynchronisation: send a follower the latest snapshot whatever its progress.</summary>
internal sealed partial class LeaderRole
{
    public RaftRequestStatus ForceSnapshot(NodeId target)
    {
        if (target == Core.Id || _tracker.Get(target) is not { } progress)
        {
            return RaftRequestStatus.InvalidTarget;
        }

        if (progress.State != ProgressState.Snapshot)
        {
            // Appends resume from the snapshot's index once the host reports the transfer (ReportSnapshot).
            var snapshot = Log.Snapshot;
            Core.Send(new InstallSnapshotRequest(Core.Term, Core.Group, Core.Id, target, snapshot));
            progress.BecomeSnapshot(snapshot.Index);
        }

        return RaftRequestStatus.Accepted;
    }
}
