using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>A follower behind the compacted log gets a snapshot request; the host reports the transfer's outcome.</summary>
public class LeaderRoleSnapshotTests
{
    [Fact]
    public void SnapshotNeeded_FollowerBehindCompactedLog_GetsInstallSnapshotThenCatchesUp()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        for (var i = 0; i < 5; i++)
        {
            cluster.Propose(1, "c" + i);
            cluster.Stabilize();
        }

        cluster.Tick(1);
        cluster.Stabilize();
        var leader = cluster[1].Core;
        var metadata = leader.CreateSnapshotMetadata(leader.AppliedIndex);
        leader.Compact(metadata);

        cluster.Heal();
        cluster.Tick(1);
        cluster.RunUntilQueued(m => m is InstallSnapshotRequest);
        var request = Assert.Single(cluster.Queue.OfType<InstallSnapshotRequest>());
        Assert.Equal((N(3), metadata.Index), (request.To, request.Snapshot.Index));
        Assert.Equal(ProgressState.Snapshot, leader.GetStatus().Followers.Single(f => f.Node == N(3)).State);

        cluster.DeliverQueued();
        leader.SnapshotInstalled(N(3));
        cluster.Stabilize();
        cluster.Propose(1, "after");
        cluster.Stabilize();
        cluster.Tick(1);
        cluster.Stabilize();

        Assert.Equal(metadata, cluster[3].Snapshot);
        Assert.Equal(["after"], cluster[3].AppliedCommands());
        Assert.Equal(ProgressState.Replicate, leader.GetStatus().Followers.Single(f => f.Node == N(3)).State);
    }

    [Fact]
    public void SnapshotFailed_LeaderRetriesLater()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster.Propose(1, "x");
        cluster.Stabilize();
        var leader = cluster[1].Core;
        leader.Compact(leader.CreateSnapshotMetadata(leader.AppliedIndex));
        cluster.Heal();
        cluster.Tick(1);
        cluster.RunUntilQueued(m => m is InstallSnapshotRequest);
        Assert.Single(cluster.Take(m => m is InstallSnapshotRequest));

        leader.SnapshotFailed(N(3));
        Assert.Equal(ProgressState.Probe, leader.GetStatus().Followers.Single(f => f.Node == N(3)).State);
        cluster.Stabilize();
        cluster.Tick(1);
        cluster.RunUntilQueued(m => m is InstallSnapshotRequest);

        Assert.Single(cluster.Queue.OfType<InstallSnapshotRequest>());
    }

    [Fact]
    public void ForceSnapshot_UpToDateFollower_SendsInstallSnapshotInSnapshotState()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Propose(1, "x");
        cluster.Stabilize();
        var leader = cluster[1].Core;
        leader.Compact(leader.CreateSnapshotMetadata(leader.AppliedIndex));

        var status = leader.ForceSnapshot(N(2));
        cluster.RunUntilQueued(m => m is InstallSnapshotRequest);

        Assert.Equal(RaftRequestStatus.Accepted, status);
        Assert.Equal(N(2), Assert.Single(cluster.Queue.OfType<InstallSnapshotRequest>()).To);
        Assert.Equal(ProgressState.Snapshot, leader.GetStatus().Followers.Single(f => f.Node == N(2)).State);
    }

    [Fact]
    public void ForceSnapshot_NoSnapshotOrNotLeaderOrSelf_Refused()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);

        Assert.Equal(RaftRequestStatus.InvalidTarget, cluster[1].Core.ForceSnapshot(N(2)));
        Assert.Equal(RaftRequestStatus.InvalidTarget, cluster[1].Core.ForceSnapshot(N(1)));
        Assert.Equal(RaftRequestStatus.NotLeader, cluster[2].Core.ForceSnapshot(N(3)));
    }
}
