using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>The host contract: Ready/Advance, restart from persisted state, compaction.</summary>
public class RaftCoreTests
{
    [Fact]
    public void GetReady_PreviousNotAdvanced_Throws()
    {
        var core = Create(1, [1]);
        var ready = core.GetReady();

        Assert.Throws<InvalidOperationException>(core.GetReady);
        core.Advance(ready);
        Assert.Throws<ArgumentException>(() => core.Advance(ready));
    }

    [Fact]
    public void HasReady_WhileReadyInFlight_FalseAndInputsStillAccepted()
    {
        var core = Create(1, [1, 2, 3]);
        var ready = core.GetReady();

        core.Step(Vote(2, 1, 1, 0, 0));

        Assert.False(core.HasReady);
        core.Advance(ready);
        Assert.True(core.HasReady);
        Assert.IsType<VoteResponse>(Assert.Single(core.GetReady().Messages));
    }

    [Fact]
    public void GetReady_NewCore_IsEmpty()
    {
        var core = Create(1, [1, 2, 3]);

        Assert.False(core.HasReady);
        Assert.True(core.GetReady().IsEmpty);
    }

    [Fact]
    public void Restart_FromPersistedState_ReappliesCommittedEntriesAndKeepsTerm()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Propose(1, "a");
        cluster.Propose(1, "b");
        cluster.Stabilize();
        cluster.Tick(1);
        cluster.Stabilize();
        var host = cluster[2];
        var term = host.Core.Term;

        host.Restart();
        host.Drain();

        Assert.Equal(term, host.Core.Term);
        Assert.Equal(["a", "b"], host.AppliedCommands());
        Assert.Equal(NodeRole.Follower, host.Core.Role);
    }

    [Fact]
    public void Restart_WithAppliedIndex_HandsOutOnlyLaterEntries()
    {
        var voters = Configuration.OfVoters(N(1));
        var entries = new[] { RaftLogTests.E(1, 1), RaftLogTests.E(2, 1), RaftLogTests.E(3, 1) };
        var core = new RaftCore(N(1), Group, new RaftOptions(), new RaftPersistentState(new HardState(1, N(1), 3), SnapshotMetadata.Initial(voters), entries, AppliedIndex: 2), new Random(1));

        var ready = core.GetReady();

        Assert.Equal(3, Assert.Single(ready.CommittedEntries).Index);
    }

    [Fact]
    public void Constructor_CommitBeyondLog_Throws()
    {
        var state = new RaftPersistentState(new HardState(1, null, 5), SnapshotMetadata.Initial(Configuration.OfVoters(N(1))), [RaftLogTests.E(1, 1)]);

        Assert.Throws<ArgumentException>(() => new RaftCore(N(1), Group, new RaftOptions(), state, new Random(1)));
    }

    [Fact]
    public void Restart_AfterCompaction_StartsFromSnapshot()
    {
        var core = Create(1, [1]);
        core.Campaign();
        core.Propose(new byte[] { 1 });
        core.Propose(new byte[] { 2 });
        Drain(core);
        var metadata = core.CreateSnapshotMetadata(2);
        core.Compact(metadata);
        var status = core.GetStatus();
        Assert.Equal(3, status.FirstIndex);

        var restarted = new RaftCore(
            N(1), Group, new RaftOptions(), new RaftPersistentState(new HardState(1, N(1), 3), metadata, [RaftLogTests.E(3, 1)]), new Random(1));

        var ready = restarted.GetReady();
        Assert.Equal(3, Assert.Single(ready.CommittedEntries).Index);
    }

    [Fact]
    public void CreateSnapshotMetadata_NotApplied_Throws()
    {
        var core = Create(1, [1, 2, 3], [1, 1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => core.CreateSnapshotMetadata(2));
    }

    [Fact]
    public void Compact_WrongConfiguration_Throws()
    {
        var core = Create(1, [1]);
        core.Campaign();
        Drain(core);

        Assert.Throws<ArgumentException>(() => core.Compact(new SnapshotMetadata(1, 1, Configuration.OfVoters(N(7)))));
    }

    [Fact]
    public void Ready_SoftStateReportedOnlyOnChange()
    {
        var core = Create(1, [1]);
        core.Campaign();

        var first = core.GetReady();
        core.Advance(first);
        core.Propose(new byte[] { 1 });
        var second = core.GetReady();

        Assert.Equal(new SoftState(NodeRole.Leader, N(1), 1), first.SoftState);
        Assert.Null(second.SoftState);
    }

    [Fact]
    public void ForgetLeader_OnFollower_LeaderForgottenTermKept_OnLeaderIgnored()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        var term = cluster[2].Core.Term;

        cluster[2].Core.ForgetLeader();
        cluster[1].Core.ForgetLeader();

        Assert.Null(cluster[2].Core.Leader);
        Assert.Equal(term, cluster[2].Core.Term);
        Assert.Equal(N(1), cluster[1].Core.Leader);
    }
}
