using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Tests.Snapshots;

public sealed class SnapshotCoordinatorTests
{
    private static readonly GroupId Group = new(1);

    private static StoredSnapshot Snapshot(int size) =>
        new(new SnapshotMetadata(2, 50, Configuration.OfVoters(new NodeId(1), new NodeId(2))),
            Enumerable.Range(0, size).Select(i => (byte)i).ToArray());

    [Fact]
    public void StartTransfer_ThenAccept_ReassemblesSameSnapshot()
    {
        var leader = new SnapshotCoordinator(10, 1000);
        var follower = new SnapshotCoordinator(10, 1000);
        var snapshot = Snapshot(4500);
        var request = new InstallSnapshotRequest(2, Group, new NodeId(1), new NodeId(2), snapshot.Metadata);

        var chunks = leader.StartTransfer(request, snapshot);
        StoredSnapshot? assembled = null;
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Data.Length <= 1000);
            if (follower.Accept(chunk, out var done, out var rejected))
            {
                assembled = done;
            }

            Assert.False(rejected);
        }

        Assert.Equal(5, chunks.Count);
        Assert.Equal(snapshot.Data, assembled!.Data);
        Assert.Equal(snapshot.Metadata, follower.TakeReceived(50)!.Metadata);
        Assert.True(leader.EndTransfer(new NodeId(2), 50, success: true));
        Assert.Equal(new SnapshotCounters(0, 1, 1, 0, 0), leader.Counters);
    }

    [Fact]
    public void Accept_ChunkOutOfOrder_IsRejected()
    {
        var leader = new SnapshotCoordinator(10, 1000);
        var follower = new SnapshotCoordinator(10, 1000);
        var snapshot = Snapshot(2500);
        var chunks = leader.StartTransfer(new InstallSnapshotRequest(2, Group, new NodeId(1), new NodeId(2), snapshot.Metadata), snapshot);

        follower.Accept(chunks[0], out _, out _);
        var complete = follower.Accept(chunks[2], out _, out var rejected);

        Assert.False(complete);
        Assert.True(rejected);
    }

    [Fact]
    public void BeginTakeIfDue_BelowThreshold_DoesNotTake()
    {
        var coordinator = new SnapshotCoordinator(10, 1000);

        Assert.False(coordinator.BeginTakeIfDue(appliedIndex: 9, snapshotIndex: 0));
        Assert.True(coordinator.BeginTakeIfDue(appliedIndex: 10, snapshotIndex: 0));
        Assert.False(coordinator.BeginTakeIfDue(appliedIndex: 30, snapshotIndex: 0));
        coordinator.EndTake(created: true);
        Assert.Equal(1, coordinator.Counters.SnapshotsCreated);
    }
}
