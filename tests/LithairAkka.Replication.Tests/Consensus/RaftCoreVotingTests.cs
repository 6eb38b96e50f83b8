using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>Vote granting rules (Raft §5.2, §5.4.1) and term handling, common to every role.</summary>
public class RaftCoreVotingTests
{
    private static readonly long[] Three = [1, 2, 3];

    [Fact]
    public void Step_VoteForUpToDateCandidate_GrantsPersistsVoteAndAdoptsTerm()
    {
        var core = Create(1, Three, [1, 1]);

        core.Step(Vote(2, 1, term: 2, lastIndex: 2, lastTerm: 1));
        var ready = core.GetReady();

        Assert.Equal(new HardState(2, N(2), 0), ready.HardState);
        var answer = Assert.IsType<VoteResponse>(Assert.Single(ready.Messages));
        Assert.True(answer.Granted);
        Assert.Equal(2, answer.Term);
    }

    [Theory]
    [InlineData(1, 1)] // shorter log, same last term
    [InlineData(5, 0)] // longer log, older last term
    public void Step_VoteForCandidateWithStaleLog_Refused(long lastIndex, long lastTerm)
    {
        var core = Create(1, Three, [1, 1]);

        core.Step(Vote(2, 1, term: 2, lastIndex, lastTerm));

        var answer = Assert.IsType<VoteResponse>(Assert.Single(Drain(core)));
        Assert.False(answer.Granted);
        Assert.Null(core.GetStatus().Leader);
    }

    [Fact]
    public void Step_SecondCandidateSameTerm_Refused()
    {
        var core = Create(1, Three);
        core.Step(Vote(2, 1, term: 1, 0, 0));
        Drain(core);

        core.Step(Vote(3, 1, term: 1, 0, 0));
        var answer = Assert.IsType<VoteResponse>(Assert.Single(Drain(core)));

        Assert.False(answer.Granted);
    }

    [Fact]
    public void Step_SameCandidateAsksAgain_GrantedAgain()
    {
        var core = Create(1, Three);
        core.Step(Vote(2, 1, term: 1, 0, 0));
        Drain(core);

        core.Step(Vote(2, 1, term: 1, 0, 0));

        Assert.True(Assert.IsType<VoteResponse>(Assert.Single(Drain(core))).Granted);
    }

    [Fact]
    public void Restart_AfterVoting_StillRefusesAnotherCandidateInThatTerm()
    {
        var host = new TestHost(N(1), TestCluster.DefaultOptions, RaftPersistentState.Bootstrap(Configuration.OfVoters(N(1), N(2), N(3))), 1);
        host.Core.Step(Vote(2, 1, term: 4, 0, 0));
        host.Drain();

        host.Restart();
        host.Core.Step(Vote(3, 1, term: 4, 0, 0));

        var answer = Assert.IsType<VoteResponse>(Assert.Single(host.Drain()));
        Assert.False(answer.Granted);
    }

    [Fact]
    public void Step_MessageFromOlderTerm_IsIgnoredOrFenced()
    {
        var core = Create(1, Three, term: 5);

        core.Step(Vote(2, 1, term: 4, 9, 4));
        core.Step(Append(3, 1, term: 4, 0, 0, 0));
        var sent = Drain(core);

        Assert.DoesNotContain(sent, m => m is VoteResponse { Granted: true });
        var fence = Assert.IsType<AppendEntriesResponse>(Assert.Single(sent));
        Assert.Equal(5, fence.Term);
        Assert.False(fence.Success);
        Assert.Equal(5, core.Term);
    }

    [Fact]
    public void Step_PreVote_GrantedWithoutChangingTermOrVote()
    {
        var core = Create(1, Three, term: 3);

        core.Step(Vote(2, 1, term: 4, 0, 0, preVote: true));
        var ready = core.GetReady();

        Assert.Null(ready.HardState);
        var answer = Assert.IsType<VoteResponse>(Assert.Single(ready.Messages));
        Assert.True(answer.Granted);
        Assert.Equal(4, answer.Term);
        Assert.Equal(3, core.Term);
    }

    [Fact]
    public void Step_PreVoteWhileHearingFromLeader_Refused()
    {
        var core = Create(1, Three, term: 3);
        core.Step(new HeartbeatRequest(3, Group, N(2), N(1), 0, 0));
        Drain(core);

        core.Step(Vote(3, 1, term: 4, 0, 0, preVote: true));

        var answer = Assert.IsType<VoteResponse>(Assert.Single(Drain(core)));
        Assert.False(answer.Granted);
        Assert.Equal(3, core.Term);
    }

    [Fact]
    public void Step_VoteWhileHearingFromLeader_RefusedWithoutAdoptingTerm()
    {
        var core = Create(1, Three, term: 3);
        core.Step(new HeartbeatRequest(3, Group, N(2), N(1), 0, 0));
        Drain(core);

        core.Step(Vote(3, 1, term: 4, 0, 0));

        Assert.False(Assert.IsType<VoteResponse>(Assert.Single(Drain(core))).Granted);
        Assert.Equal(3, core.Term);
        Assert.Equal(N(2), core.Leader);
    }

    [Fact]
    public void Step_TransferVoteWhileHearingFromLeader_Granted()
    {
        var core = Create(1, Three, term: 3);
        core.Step(new HeartbeatRequest(3, Group, N(2), N(1), 0, 0));
        Drain(core);

        core.Step(Vote(3, 1, term: 4, 0, 0, transfer: true));

        Assert.True(Assert.IsType<VoteResponse>(Assert.Single(Drain(core))).Granted);
        Assert.Equal(4, core.Term);
    }

    [Fact]
    public void Step_PreVoteAfterLeaseExpired_Granted()
    {
        var core = Create(1, Three, term: 3);
        core.Step(new HeartbeatRequest(3, Group, N(2), N(1), 0, 0));
        Drain(core);
        for (var i = 0; i < TestCluster.DefaultOptions.ElectionTimeoutMinTicks; i++)
        {
            core.Tick();
        }

        Drain(core);
        core.Step(Vote(3, 1, term: 4, 0, 0, preVote: true));

        Assert.Contains(Drain(core), m => m is VoteResponse { Granted: true, From.Value: 1 });
    }

    [Fact]
    public void Step_RefusedHigherTermVote_AdoptsTermButKeepsElectionTimerRunning()
    {
        var options = new RaftOptions { ElectionTimeoutMinTicks = 10, ElectionTimeoutMaxTicks = 10, PreVote = false };
        var core = Create(1, Three, [1, 1], term: 1, options: options);
        for (var i = 0; i < 9; i++)
        {
            core.Tick();
        }

        core.Step(Vote(2, 1, term: 5, lastIndex: 1, lastTerm: 1));
        Assert.Equal(5, core.Term);
        core.Tick();

        // Raft Figure 2: only hearing from a leader or granting a vote restarts the timer.
        Assert.Equal(NodeRole.Candidate, core.Role);
        Assert.Equal(6, core.Term);
    }

    [Fact]
    public void Step_GrantedVote_RestartsElectionTimer()
    {
        var options = new RaftOptions { ElectionTimeoutMinTicks = 10, ElectionTimeoutMaxTicks = 10, PreVote = false };
        var core = Create(1, Three, [1, 1], term: 1, options: options);
        for (var i = 0; i < 9; i++)
        {
            core.Tick();
        }

        core.Step(Vote(2, 1, term: 5, lastIndex: 2, lastTerm: 1));
        core.Tick();

        Assert.Equal(NodeRole.Follower, core.Role);
        Assert.Equal(5, core.Term);
    }

    [Fact]
    public void Step_WrongGroupOrDestination_Throws()
    {
        var core = Create(1, Three);

        Assert.Throws<ArgumentException>(() => core.Step(new HeartbeatRequest(1, new GroupId(99), N(2), N(1), 0, 0)));
        Assert.Throws<ArgumentException>(() => core.Step(new HeartbeatRequest(1, Group, N(2), N(3), 0, 0)));
    }
}
