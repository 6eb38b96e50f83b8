using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Leader;
using LithairAkka.TestKit;

namespace LithairAkka.Replication.Tests.Leader;

public sealed class FollowerStreamTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly GroupId Group = new(1);
    private static readonly NodeId LeaderId = new(1);
    private static readonly NodeId Follower = new(2);
    private readonly FakeTimeProvider _time = new();

    private static AppendEntriesRequest Append(long prevIndex, int count, long term = 3, long commit = 0) =>
        new(term, Group, LeaderId, Follower, prevIndex, term,
            Enumerable.Range(1, count).Select(i => new LogEntry(term, prevIndex + i, EntryKind.Normal, new byte[] { 1 })).ToArray(),
            commit);

    private static FollowerStatus Status(long match) =>
        new(Follower, false, match, match + 1, ProgressState.Replicate, true, 0);

    private (IActorRef Stream, TestProbe Peer, TestProbe Group) Start(int window = 2, TimeSpan? stall = null)
    {
        var options = new FollowerStreamOptions(100, window, 1000, stall ?? TimeSpan.FromMinutes(5), _time);
        return (Sys.ActorOf(FollowerStream.Props(Follower, options)), CreateTestProbe(), CreateTestProbe());
    }

    [Fact]
    public void Send_WindowFull_HoldsAppendsThenSendsThemMergedOnAnswer()
    {
        var (stream, peer, group) = Start(window: 2);

        for (var i = 0; i < 4; i++)
        {
            stream.Tell(new StreamSend(Append(i, 1, commit: i), peer.Ref, group.Ref));
        }

        Assert.Equal(0, peer.ExpectMsg<AppendEntriesRequest>().PrevLogIndex);
        Assert.Equal(1, peer.ExpectMsg<AppendEntriesRequest>().PrevLogIndex);
        peer.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        stream.Tell(new StreamAnswer(IsHeartbeat: false, Success: true, MatchIndex: 2));

        var merged = peer.ExpectMsg<AppendEntriesRequest>();
        Assert.Equal(2, merged.PrevLogIndex);
        Assert.Equal([3L, 4L], merged.Entries.Select(e => e.Index));
        Assert.Equal(3, merged.LeaderCommit);
        Assert.Equal(group.Ref, peer.LastSender);
    }

    [Fact]
    public void Send_HeartbeatWhileWindowFull_SentAtOnce()
    {
        var (stream, peer, group) = Start(window: 1);
        stream.Tell(new StreamSend(Append(0, 1), peer.Ref, group.Ref));
        stream.Tell(new StreamSend(Append(1, 1), peer.Ref, group.Ref));
        peer.ExpectMsg<AppendEntriesRequest>();

        stream.Tell(new StreamSend(new HeartbeatRequest(3, Group, LeaderId, Follower, 0, 7), peer.Ref, group.Ref));

        Assert.Equal(7, peer.ExpectMsg<HeartbeatRequest>().ReadRound);
    }

    [Fact]
    public void Answer_Rejected_DropsHeldAppendsAndCountsFailure()
    {
        var (stream, peer, group) = Start(window: 1);
        stream.Tell(new StreamSend(Append(0, 1), peer.Ref, group.Ref));
        stream.Tell(new StreamSend(Append(1, 1), peer.Ref, group.Ref));
        peer.ExpectMsg<AppendEntriesRequest>();

        stream.Tell(new StreamAnswer(IsHeartbeat: false, Success: false, MatchIndex: 0));
        stream.Tell(new StreamTick(Status(0), 2), TestActor);

        var report = ExpectMsg<FollowerSyncState>();
        Assert.Equal(1, report.ConsecutiveFailures);
        Assert.Equal(FollowerHealth.Lagging, report.Health);
        peer.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        stream.Tell(new StreamSend(Append(0, 2), peer.Ref, group.Ref));
        Assert.Equal(0, peer.ExpectMsg<AppendEntriesRequest>().PrevLogIndex);
    }

    [Fact]
    public void Tick_AfterAnsweredBatch_ReportsHealthyWithRoundTrip()
    {
        var (stream, peer, group) = Start();
        stream.Tell(new StreamTick(Status(0), 0), TestActor);
        Assert.Equal(FollowerHealth.Unknown, ExpectMsg<FollowerSyncState>().Health);

        stream.Tell(new StreamSend(Append(0, 5), peer.Ref, group.Ref));
        peer.ExpectMsg<AppendEntriesRequest>();
        _time.Advance(TimeSpan.FromMilliseconds(7));
        stream.Tell(new StreamAnswer(IsHeartbeat: false, Success: true, MatchIndex: 5));
        stream.Tell(new StreamTick(Status(5), 5), TestActor);

        var report = ExpectMsg<FollowerSyncState>();
        Assert.Equal(FollowerHealth.Healthy, report.Health);
        Assert.Equal(5, report.MatchIndex);
        Assert.Equal(0, report.Lag);
        Assert.Equal(TimeSpan.FromMilliseconds(7), report.LastLatency);
    }

    [Fact]
    public void Tick_FollowerBehindResyncThreshold_ReportsDesynced()
    {
        var (stream, _, _) = Start();
        stream.Tell(new StreamAnswer(IsHeartbeat: true, Success: true, MatchIndex: 0));

        stream.Tell(new StreamTick(Status(10), 5_000), TestActor);

        var report = ExpectMsg<FollowerSyncState>();
        Assert.Equal(FollowerHealth.Desynced, report.Health);
        Assert.Equal(4_990, report.Lag);
    }

    [Fact]
    public async Task Stall_AnswersLost_ReopensWindowAfterStallTimeout()
    {
        var (stream, peer, group) = Start(window: 1, stall: TimeSpan.FromMilliseconds(50));
        stream.Tell(new StreamSend(Append(0, 1), peer.Ref, group.Ref));
        stream.Tell(new StreamSend(Append(1, 1), peer.Ref, group.Ref));
        peer.ExpectMsg<AppendEntriesRequest>();

        _time.Advance(TimeSpan.FromSeconds(1));

        var resent = await peer.ExpectMsgAsync<AppendEntriesRequest>(TimeSpan.FromSeconds(10));
        Assert.Equal(1, resent.PrevLogIndex);
    }

    [Fact]
    public void TryMerge_ContiguousSameTerm_ConcatenatesWithinBatchSize()
    {
        var merged = FollowerStream.TryMerge(Append(0, 2, commit: 1), Append(2, 3, commit: 4), batchSize: 5);

        Assert.NotNull(merged);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], merged.Entries.Select(e => e.Index));
        Assert.Equal(4, merged.LeaderCommit);
    }

    [Theory]
    [InlineData(3, 3, 100)] // a gap: the second does not continue the first
    [InlineData(2, 4, 100)] // another term
    [InlineData(2, 3, 3)] // more than batch-size entries
    public void TryMerge_NotAContinuation_ReturnsNull(long secondPrev, long secondTerm, int batchSize)
    {
        var second = Append(secondPrev, 2, term: secondTerm);

        Assert.Null(FollowerStream.TryMerge(Append(0, 2), second, batchSize));
    }
}
