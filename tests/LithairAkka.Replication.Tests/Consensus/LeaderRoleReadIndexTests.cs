using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class LeaderRoleReadIndexTests
{
    [Fact]
    public void ReadIndex_OnLeader_ReadyOnlyAfterQuorumHeartbeatRound()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Propose(1, "w");
        cluster.Stabilize();
        var commit = cluster[1].Core.CommitIndex;

        Assert.Equal(RaftRequestStatus.Accepted, cluster[1].Core.ReadIndex(7));
        cluster.Drain();
        Assert.Empty(cluster[1].Reads);
        Assert.Equal(2, cluster.Queue.OfType<HeartbeatRequest>().Count(h => h.ReadRound == 1));

        cluster.Stabilize();

        Assert.Equal(new ReadState(7, commit), Assert.Single(cluster[1].Reads));
    }

    [Fact]
    public void ReadIndex_LeaderCutOff_NeverConfirmed()
    {
        var cluster = new TestCluster(3, new RaftOptions { CheckQuorum = false });
        cluster.Elect(1);
        cluster.Isolate(2);
        cluster.Isolate(3);

        cluster[1].Core.ReadIndex(7);
        for (var i = 0; i < 30; i++)
        {
            cluster.Tick(1);
            cluster.Stabilize();
        }

        Assert.Empty(cluster[1].Reads);
    }

    [Fact]
    public void ReadIndex_SeveralReadsBeforeReady_ShareOneHeartbeatRound()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);

        cluster[1].Core.ReadIndex(1);
        cluster[1].Core.ReadIndex(2);
        cluster[1].Core.ReadIndex(3);
        cluster.Drain();

        Assert.Equal(2, cluster.Queue.OfType<HeartbeatRequest>().Count());
        cluster.Stabilize();
        Assert.Equal([1L, 2L, 3L], cluster[1].Reads.Select(r => r.RequestId));
    }

    [Fact]
    public void ReadIndex_BeforeFirstCommitOfTerm_WaitsForIt()
    {
        var cluster = new TestCluster(3);
        cluster[1].Core.Campaign();
        // Win the election but keep the no-op from being acknowledged.
        cluster.Filter = m => m is not AppendEntriesResponse;
        cluster.Stabilize();
        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);

        cluster[1].Core.ReadIndex(9);
        cluster.Stabilize();
        Assert.Empty(cluster[1].Reads);

        cluster.Filter = _ => true;
        cluster.Tick(1);
        cluster.Stabilize();
        var read = Assert.Single(cluster[1].Reads);
        Assert.Equal(cluster[1].Core.CommitIndex, read.Index);
    }

    [Fact]
    public void ReadIndex_FromFollower_AnsweredWithLeadersCommitIndexAfterApply()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Propose(1, "w");
        cluster.Stabilize();

        Assert.Equal(RaftRequestStatus.Forwarded, cluster[2].Core.ReadIndex(5));
        cluster.Stabilize();
        cluster.Tick(1);
        cluster.Stabilize();

        var read = Assert.Single(cluster[2].Reads);
        Assert.Equal(cluster[1].Core.CommitIndex, read.Index);
        Assert.True(cluster[2].Applied[^1].Index >= read.Index);
    }

    [Fact]
    public void ReadIndex_SingleVoter_ConfirmedAtOnce()
    {
        var core = Create(1, [1]);
        core.Campaign();
        Drain(core);

        core.ReadIndex(3);
        var ready = core.GetReady();

        Assert.Equal(new ReadState(3, 1), Assert.Single(ready.ReadStates));
    }
}
