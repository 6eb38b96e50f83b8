using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class LeaderRoleTransferTests
{
    [Fact]
    public void TransferLeadership_UpToDateTarget_BecomesLeaderInNextTerm()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        var term = cluster[1].Core.Term;

        Assert.Equal(RaftRequestStatus.Accepted, cluster[1].Core.TransferLeadership(N(3)));
        cluster.Stabilize();

        Assert.Equal(NodeRole.Leader, cluster[3].Core.Role);
        Assert.Equal(term + 1, cluster[3].Core.Term);
        Assert.Equal(NodeRole.Follower, cluster[1].Core.Role);
    }

    [Fact]
    public void TransferLeadership_LaggingTarget_CaughtUpBeforeTimeoutNow()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster.Propose(1, "a");
        cluster.Propose(1, "b");
        cluster.Stabilize();
        cluster.Heal();
        var timeoutNowAt = -1L;
        cluster.Filter = m =>
        {
            if (m is TimeoutNowRequest)
            {
                timeoutNowAt = cluster[3].Core.LastIndex;
            }

            return true;
        };

        cluster[1].Core.TransferLeadership(N(3));
        cluster.Stabilize();

        Assert.Equal(cluster[1].Core.LastIndex - 1, timeoutNowAt);
        Assert.Equal(NodeRole.Leader, cluster[3].Core.Role);
    }

    [Fact]
    public void TransferLeadership_InProgress_RefusesProposalsAndConfigChanges()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);

        cluster[1].Core.TransferLeadership(N(3));

        Assert.Equal(RaftRequestStatus.LeadershipTransferInProgress, cluster.Propose(1, "x").Status);
        Assert.Equal(RaftRequestStatus.LeadershipTransferInProgress, cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(4))).Status);
        Assert.Equal(N(3), cluster[1].Core.GetStatus().LeadershipTransferTarget);
    }

    [Fact]
    public void TransferLeadership_TargetUnreachable_AbortedAfterElectionTimeout()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);
        cluster[1].Core.TransferLeadership(N(3));

        for (var i = 0; i < cluster.Options.ElectionTimeoutMinTicks; i++)
        {
            cluster.Tick(1);
            cluster.Stabilize();
        }

        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);
        Assert.Null(cluster[1].Core.GetStatus().LeadershipTransferTarget);
        Assert.True(cluster.Propose(1, "x").IsAccepted);
    }

    [Fact]
    public void TransferLeadership_ToLearnerOrStranger_Invalid()
    {
        var cluster = new TestCluster(2);
        cluster.Elect(1);

        Assert.Equal(RaftRequestStatus.InvalidTarget, cluster[1].Core.TransferLeadership(N(9)));
        Assert.Equal(RaftRequestStatus.NotLeader, cluster[2].Core.TransferLeadership(N(1)));
    }
}
