using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class FollowerRoleTests
{
    private static readonly long[] Three = [1, 2, 3];

    [Fact]
    public void Append_LogDoesNotMatch_RefusesWithConflictHint()
    {
        // Follower: terms 1 1 2 2 2; the leader probes at (5, 3).
        var core = Create(1, Three, [1, 1, 2, 2, 2], term: 3);

        core.Step(Append(2, 1, term: 3, prevIndex: 5, prevTerm: 3, commit: 0));
        var refusal = Assert.IsType<AppendEntriesResponse>(Assert.Single(Drain(core)));

        Assert.False(refusal.Success);
        Assert.Equal(5, refusal.RejectedIndex);
        Assert.Equal((5L, 2L), (refusal.HintIndex, refusal.HintTerm));
    }

    [Fact]
    public void Append_MissingEntries_HintPointsAtLastIndex()
    {
        var core = Create(1, Three, [1, 1], term: 3);

        core.Step(Append(2, 1, term: 3, prevIndex: 9, prevTerm: 3, commit: 0));
        var refusal = Assert.IsType<AppendEntriesResponse>(Assert.Single(Drain(core)));

        Assert.Equal((2L, 1L), (refusal.HintIndex, refusal.HintTerm));
    }

    [Fact]
    public void Append_ConflictingSuffix_IsReplacedAndPersistedFromConflict()
    {
        var core = Create(1, Three, [1, 1, 1], term: 2);

        core.Step(Append(2, 1, term: 2, prevIndex: 1, prevTerm: 1, commit: 0, RaftLogTests.E(2, 2)));
        var ready = core.GetReady();

        var entry = Assert.Single(ready.Entries);
        Assert.Equal((2L, 2L), (entry.Index, entry.Term));
        Assert.Equal(2, core.LastIndex);
        var ack = Assert.IsType<AppendEntriesResponse>(Assert.Single(ready.Messages));
        Assert.True(ack.Success);
        Assert.Equal(2, ack.MatchIndex);
    }

    [Fact]
    public void Append_CommitAdvances_CommittedEntriesHandedOutAfterPersistence()
    {
        var core = Create(1, Three, term: 1);

        core.Step(Append(2, 1, term: 1, 0, 0, commit: 2, RaftLogTests.E(1, 1), RaftLogTests.E(2, 1)));
        var ready = core.GetReady();

        Assert.Equal(2, ready.Entries.Count);
        Assert.Equal(2, ready.CommittedEntries.Count);
        Assert.Equal(2, ready.HardState!.Value.Commit);
    }

    [Fact]
    public void Append_PrevBelowCommit_AnswersWithCommitIndex()
    {
        var core = Create(1, Three, [1, 1, 1], term: 1, commit: 3);

        core.Step(Append(2, 1, term: 1, 1, 1, commit: 3, RaftLogTests.E(2, 1)));
        var ack = Assert.IsType<AppendEntriesResponse>(Assert.Single(Drain(core)));

        Assert.True(ack.Success);
        Assert.Equal(3, ack.MatchIndex);
    }

    [Fact]
    public void Heartbeat_AdvancesCommitAndEchoesReadRound()
    {
        var core = Create(1, Three, [1, 1], term: 1);

        core.Step(new HeartbeatRequest(1, Group, N(2), N(1), 2, 7));
        var ready = core.GetReady();

        Assert.Equal(2, ready.HardState!.Value.Commit);
        var answer = Assert.IsType<HeartbeatResponse>(Assert.Single(ready.Messages));
        Assert.Equal(7, answer.ReadRound);
        Assert.Equal(N(2), core.Leader);
    }

    [Fact]
    public void InstallSnapshot_NewerThanLog_ReplacesLogAndIsHandedToHost()
    {
        var core = Create(1, Three, [1, 1], term: 2);
        var snapshot = new SnapshotMetadata(2, 10, Configuration.OfVoters(N(1), N(2), N(3)));

        core.Step(new InstallSnapshotRequest(2, Group, N(2), N(1), snapshot));
        var ready = core.GetReady();

        Assert.Same(snapshot, ready.Snapshot);
        Assert.Empty(ready.Entries);
        Assert.Empty(ready.CommittedEntries);
        var ack = Assert.IsType<AppendEntriesResponse>(Assert.Single(ready.Messages));
        Assert.Equal(10, ack.MatchIndex);
        core.Advance(ready);
        Assert.Equal(10, core.AppliedIndex);
        Assert.Equal(10, core.CommitIndex);
    }

    [Fact]
    public void InstallSnapshot_OlderThanCommit_IsIgnored()
    {
        var core = Create(1, Three, [1, 1, 1], term: 2, commit: 3);

        core.Step(new InstallSnapshotRequest(2, Group, N(2), N(1), new SnapshotMetadata(1, 2, Configuration.OfVoters(N(1), N(2), N(3)))));
        var ready = core.GetReady();

        Assert.Null(ready.Snapshot);
        Assert.Equal(3, Assert.IsType<AppendEntriesResponse>(Assert.Single(ready.Messages)).MatchIndex);
    }

    [Fact]
    public void InstallSnapshot_MatchingEntryInLog_CommitsAndKeepsSuffix()
    {
        var core = Create(1, Three, [1, 1, 1, 2], term: 2);

        core.Step(new InstallSnapshotRequest(2, Group, N(2), N(1), new SnapshotMetadata(1, 3, Configuration.OfVoters(N(1), N(2), N(3)))));
        var ready = core.GetReady();

        Assert.Null(ready.Snapshot);
        Assert.Equal(3, ready.CommittedEntries.Count);
        Assert.Equal(4, core.LastIndex);
    }

    [Fact]
    public void TimeoutNow_StartsElectionAtOnceSkippingPreVote()
    {
        var core = Create(1, Three, [1], term: 1);

        core.Step(new TimeoutNowRequest(1, Group, N(2), N(1)));
        var sent = Drain(core);

        Assert.Equal(NodeRole.Candidate, core.Role);
        Assert.Equal(2, core.Term);
        Assert.All(sent, m => Assert.True(m is VoteRequest { IsPreVote: false, IsLeadershipTransfer: true }));
    }

    [Fact]
    public void ReadIndex_OnFollower_IsForwardedToLeaderAndReleasedOnceApplied()
    {
        var core = Create(1, Three, term: 1);
        core.Step(new HeartbeatRequest(1, Group, N(2), N(1), 0, 0));
        Drain(core);

        Assert.Equal(RaftRequestStatus.Forwarded, core.ReadIndex(42));
        var forwarded = Assert.IsType<ReadIndexRequest>(Assert.Single(Drain(core)));
        Assert.Equal((N(2), 42L), (forwarded.To, forwarded.RequestId));

        core.Step(new ReadIndexResponse(1, Group, N(2), N(1), 42, 1));
        Assert.False(core.HasReady);

        core.Step(Append(2, 1, term: 1, 0, 0, commit: 1, RaftLogTests.E(1, 1)));
        var ready = core.GetReady();
        Assert.Single(ready.CommittedEntries);
        Assert.Equal(new ReadState(42, 1), Assert.Single(ready.ReadStates));
    }

    [Fact]
    public void ReadIndex_NoLeaderKnown_RefusedAtOnce()
    {
        var core = Create(1, Three);

        Assert.Equal(RaftRequestStatus.NotLeader, core.ReadIndex(1));
    }

    [Fact]
    public void Propose_OnFollower_RefusedWithLeaderHint()
    {
        var core = Create(1, Three, term: 1);
        core.Step(new HeartbeatRequest(1, Group, N(3), N(1), 0, 0));

        var result = core.Propose(new byte[] { 1 });

        Assert.Equal(RaftRequestStatus.NotLeader, result.Status);
        Assert.Equal(N(3), result.Leader);
    }
}
