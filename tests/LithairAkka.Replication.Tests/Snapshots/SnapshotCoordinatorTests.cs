using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;
using LithairAkka.TestKit;

namespace LithairAkka.Replication.Tests.Snapshots;

public sealed class SnapshotCoordinatorTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly GroupId Group = new(1);
    private static readonly NodeId Follower = new(2);
    private readonly FakeTimeProvider _time = new();

    private static StoredSnapshot Snapshot(int size, long index = 50) =>
        new(new SnapshotMetadata(2, index, Configuration.OfVoters(new NodeId(1), Follower)),
            Enumerable.Range(0, size).Select(i => (byte)i).ToArray());

    private static InstallSnapshotRequest Request(StoredSnapshot snapshot) =>
        new(2, Group, new NodeId(1), Follower, snapshot.Metadata);

    private (IActorRef Coordinator, TestProbe Parent) Start(int chunkSize = 1000, TimeSpan? timeout = null)
    {
        var parent = CreateTestProbe();
        var props = SnapshotCoordinator.Props(Group, chunkSize, timeout ?? TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), _time);
        var proxy = Sys.ActorOf(Props.Create(() => new ParentProxy(props, parent.Ref)));
        proxy.Tell("child", TestActor);
        return (ExpectMsg<IActorRef>(), parent);
    }

    [Fact]
    public async Task Start_AckedChunks_FollowerReassemblesSameSnapshotAndSuccessCounted()
    {
        var (coordinator, parent) = Start();
        var follower = CreateTestProbe();
        var snapshot = Snapshot(8_500);
        var assembler = new SnapshotAssembler();

        coordinator.Tell(new StartSnapshotTransfer(Request(snapshot), snapshot, follower.Ref));
        StoredSnapshot? assembled = null;
        while (assembled is null)
        {
            var chunk = await follower.ExpectMsgAsync<SnapshotChunk>();
            Assert.True(chunk.Data.Length <= 1000);
            var outcome = assembler.Accept(chunk, out var done);
            assembled = done;
            coordinator.Tell(new SnapshotChunkAck(Group, Follower, 50, outcome.NextOffset), follower.Ref);
        }

        coordinator.Tell(new SnapshotTransferResult(Group, Follower, 50, true), follower.Ref);
        await parent.ExpectMsgAsync(new SnapshotTransferEnded(Follower, 50, true));
        coordinator.Tell(GetSnapshotCounters.Instance, parent.Ref);
        var counters = await parent.ExpectMsgAsync<SnapshotCounters>();

        Assert.Equal(snapshot.Data, assembled.Data);
        Assert.Equal(snapshot.Metadata, assembled.Metadata);
        Assert.Equal((1L, 1L, 0L, 0L), (counters.SendAttempts, counters.SendSuccesses, counters.SendFailures, counters.Resumes));
    }

    [Fact]
    public async Task Start_WithoutAcks_SendsOnlyTheWindow()
    {
        var (coordinator, _) = Start();
        var follower = CreateTestProbe();
        var snapshot = Snapshot(20_000);

        coordinator.Tell(new StartSnapshotTransfer(Request(snapshot), snapshot, follower.Ref));
        for (var i = 0; i < SnapshotCoordinator.Window; i++)
        {
            Assert.Equal(i * 1000L, (await follower.ExpectMsgAsync<SnapshotChunk>()).Offset);
        }

        await follower.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Silence_AfterDroppedChunks_ResumesFromLastAcknowledgedOffset()
    {
        var (coordinator, _) = Start();
        var follower = CreateTestProbe();
        var snapshot = Snapshot(10_000);
        coordinator.Tell(new StartSnapshotTransfer(Request(snapshot), snapshot, follower.Ref));
        var first = await follower.ExpectMsgAsync<SnapshotChunk>();
        await follower.ReceiveNAsync(SnapshotCoordinator.Window - 1);

        // Only the first chunk arrived; the rest were lost with the connection.
        coordinator.Tell(new SnapshotChunkAck(Group, Follower, 50, first.Data.Length), follower.Ref);
        await follower.ExpectMsgAsync<SnapshotChunk>(c => c.Offset == SnapshotCoordinator.Window * 1000);
        _time.Advance(TimeSpan.FromMilliseconds(150));

        var resumed = await follower.FishForMessageAsync<SnapshotChunk>(c => c.Offset == 1000, TimeSpan.FromSeconds(5));
        Assert.Equal(1000, resumed.Offset);
        coordinator.Tell(GetSnapshotCounters.Instance, follower.Ref);
        Assert.True((await follower.FishForMessageAsync<SnapshotCounters>(_ => true)).Resumes >= 1);
    }

    [Fact]
    public async Task Timeout_TransferNotFinished_FailsToParentAndCounts()
    {
        var (coordinator, parent) = Start(timeout: TimeSpan.FromSeconds(1));
        var follower = CreateTestProbe();
        var snapshot = Snapshot(5_000);
        coordinator.Tell(new StartSnapshotTransfer(Request(snapshot), snapshot, follower.Ref));
        await follower.ExpectMsgAsync<SnapshotChunk>();

        _time.Advance(TimeSpan.FromSeconds(2));

        await parent.ExpectMsgAsync(new SnapshotTransferEnded(Follower, 50, false), TimeSpan.FromSeconds(5));
        coordinator.Tell(GetSnapshotCounters.Instance, parent.Ref);
        var counters = await parent.ExpectMsgAsync<SnapshotCounters>();
        Assert.Equal((1L, 1L), (counters.Timeouts, counters.SendFailures));
    }

    [Fact]
    public async Task Abandon_WhileSending_CountsFailureAndIgnoresLateResult()
    {
        var (coordinator, parent) = Start();
        var follower = CreateTestProbe();
        var snapshot = Snapshot(500);
        coordinator.Tell(new StartSnapshotTransfer(Request(snapshot), snapshot, follower.Ref));
        await follower.ExpectMsgAsync<SnapshotChunk>();

        coordinator.Tell(AbandonSnapshotTransfers.Instance);
        coordinator.Tell(new SnapshotTransferResult(Group, Follower, 50, true), follower.Ref);
        coordinator.Tell(new SnapshotRecorded(Installed: false));
        coordinator.Tell(GetSnapshotCounters.Instance, parent.Ref);

        var counters = await parent.ExpectMsgAsync<SnapshotCounters>();
        Assert.Equal((1L, 0L, 1L), (counters.SnapshotsCreated, counters.SendSuccesses, counters.SendFailures));
    }

    /// <summary>Parent of the coordinator under test: forwards what the child tells its parent to a probe.</summary>
    private sealed class ParentProxy : ReceiveActor
    {
        public ParentProxy(Props child, IActorRef probe)
        {
            var created = Context.ActorOf(child, "coordinator");
            Receive<string>(_ => Sender.Tell(created));
            ReceiveAny(m => probe.Forward(m));
        }
    }
}
