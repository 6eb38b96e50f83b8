using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class LeaderRoleMembershipTests
{
    [Fact]
    public void AddLearner_ReceivesLogButDoesNotCountForCommit()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        var learner = cluster.AddNode(2, RaftPersistentState.Joining());

        Assert.True(cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(2))).IsAccepted);
        cluster.Propose(1, "a");
        cluster.Stabilize();
        cluster.Tick(1);
        cluster.Stabilize();

        Assert.Equal(["a"], learner.AppliedCommands());
        Assert.True(learner.Core.Configuration.IsLearner(N(2)));
        cluster.Isolate(2);
        cluster.Propose(1, "b");
        cluster.Stabilize();
        Assert.Equal(["a", "b"], cluster[1].AppliedCommands());
    }

    [Fact]
    public void PromoteLearner_NewVoterCountsInQuorum()
    {
        var cluster = new TestCluster(1);
        cluster.Elect(1);
        cluster.AddNode(2, RaftPersistentState.Joining());
        cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(2)));
        cluster.Stabilize();

        Assert.True(cluster[1].Core.ProposeConfigChange(ConfigChange.PromoteLearner(N(2))).IsAccepted);
        cluster.Stabilize();
        Assert.Equal(Configuration.OfVoters(N(1), N(2)), cluster[2].Core.Configuration);

        cluster.Isolate(2);
        var result = cluster.Propose(1, "needs-two");
        cluster.Stabilize();
        Assert.True(cluster[1].Core.CommitIndex < result.Index);
    }

    [Fact]
    public void ProposeConfigChange_PreviousUncommitted_Refused()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(2);
        cluster.Isolate(3);

        Assert.True(cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(4))).IsAccepted);
        var second = cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(5)));

        Assert.Equal(RaftRequestStatus.ConfigChangeInProgress, second.Status);
    }

    [Fact]
    public void ProposeConfigChange_NewLeaderBeforeCommittingInItsTerm_Refused()
    {
        var cluster = new TestCluster(3);
        cluster[1].Core.Campaign();
        cluster.Filter = m => m is not AppendEntriesResponse;
        cluster.Stabilize();

        var result = cluster[1].Core.ProposeConfigChange(ConfigChange.AddLearner(N(4)));

        Assert.Equal(RaftRequestStatus.ConfigChangeInProgress, result.Status);
    }

    [Fact]
    public void ProposeConfigChange_Invalid_Refused()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);

        Assert.Equal(RaftRequestStatus.InvalidConfigChange, cluster[1].Core.ProposeConfigChange(ConfigChange.PromoteLearner(N(2))).Status);
        Assert.Equal(RaftRequestStatus.NotLeader, cluster[2].Core.ProposeConfigChange(ConfigChange.AddLearner(N(9))).Status);
    }

    [Fact]
    public void RemoveNode_ConfigurationInForceWhenAppended()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);

        cluster[1].Core.ProposeConfigChange(ConfigChange.RemoveNode(N(3)));

        // Not committed yet, already in force on the leader.
        Assert.Equal(Configuration.OfVoters(N(1), N(2)), cluster[1].Core.Configuration);
        cluster.Stabilize();
        Assert.Equal(Configuration.OfVoters(N(1), N(2)), cluster[2].Core.Configuration);
        Assert.Equal(3, cluster[3].Core.Configuration.Voters.Length);
    }

    [Fact]
    public void RemoveNode_LeaderRemovesItself_StepsDownAfterCommitAndHandsOver()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);

        var result = cluster[1].Core.ProposeConfigChange(ConfigChange.RemoveNode(N(1)));
        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);
        cluster.Stabilize();

        Assert.True(cluster[1].Core.CommitIndex >= result.Index);
        Assert.Equal(NodeRole.Follower, cluster[1].Core.Role);
        Assert.Single(cluster.Hosts.Values, h => h.Core.Role == NodeRole.Leader && h.Id != N(1));
        for (var i = 0; i < 100; i++)
        {
            cluster.Tick(1);
        }

        Assert.Equal(NodeRole.Follower, cluster[1].Core.Role);
    }

    [Fact]
    public void ConfigChangeEntry_TruncatedOnFollower_PreviousConfigurationRestored()
    {
        var voters = Configuration.OfVoters(N(1), N(2), N(3));
        var change = new ConfigChangeEntry(ConfigChange.AddLearner(N(4)), voters.Apply(ConfigChange.AddLearner(N(4))));
        var core = Create(2, [1, 2, 3], term: 1);
        core.Step(Append(1, 2, term: 1, 0, 0, 0, new LogEntry(1, 1, EntryKind.ConfigChange, change.Encode())));
        Assert.True(core.Configuration.IsLearner(N(4)));

        core.Step(Append(3, 2, term: 2, 0, 0, 0, RaftLogTests.E(1, 2)));

        Assert.Equal(voters, core.Configuration);
    }
}
