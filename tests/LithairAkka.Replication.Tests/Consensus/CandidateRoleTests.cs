using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class CandidateRoleTests
{
    private static readonly long[] Three = [1, 2, 3];

    [Fact]
    public void Tick_ElectionTimeout_WithinConfiguredRange()
    {
        var options = new RaftOptions { ElectionTimeoutMinTicks = 5, ElectionTimeoutMaxTicks = 9 };
        for (var seed = 0; seed < 30; seed++)
        {
            var core = new RaftCore(N(1), Group, options, RaftPersistentState.Bootstrap(Configuration.OfVoters(N(1), N(2), N(3))), new Random(seed));
            var ticks = 0;
            while (core.Role == NodeRole.Follower)
            {
                core.Tick();
                ticks++;
            }

            Assert.InRange(ticks, 5, 9);
        }
    }

    [Fact]
    public void Campaign_WithPreVote_KeepsTermAndAsksForNextTerm()
    {
        var core = Create(1, Three, [1], term: 1);

        core.Campaign();
        var sent = Drain(core);

        Assert.Equal(NodeRole.PreCandidate, core.Role);
        Assert.Equal(1, core.Term);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal(new { Term = 2L, Pre = true, LastIndex = 1L, LastTerm = 1L }, ToShape((VoteRequest)m)));
    }

    [Fact]
    public void PreVoteMajority_StartsRealElectionWithIncrementedTermAndSelfVote()
    {
        var core = Create(1, Three, [1], term: 1);
        core.Campaign();
        Drain(core);

        core.Step(new VoteResponse(2, Group, N(2), N(1), true, true));
        var ready = core.GetReady();

        Assert.Equal(NodeRole.Candidate, core.Role);
        Assert.Equal(new HardState(2, N(1), 0), ready.HardState);
        Assert.All(ready.Messages, m => Assert.False(((VoteRequest)m).IsPreVote));
    }

    [Fact]
    public void PreVoteRefusedByMajority_ReturnsToFollowerWithoutRaisingTerm()
    {
        var core = Create(1, Three, [1], term: 1);
        core.Campaign();
        Drain(core);

        core.Step(new VoteResponse(1, Group, N(2), N(1), true, false));
        core.Step(new VoteResponse(1, Group, N(3), N(1), true, false));

        Assert.Equal(NodeRole.Follower, core.Role);
        Assert.Equal(1, core.Term);
    }

    [Fact]
    public void VoteMajority_BecomesLeaderAndAppendsNoOp()
    {
        var core = Create(1, Three, [1], term: 1, options: new RaftOptions { PreVote = false });
        core.Campaign();
        Drain(core);

        core.Step(new VoteResponse(2, Group, N(3), N(1), false, true));
        var ready = core.GetReady();

        Assert.Equal(NodeRole.Leader, core.Role);
        Assert.Equal(new SoftState(NodeRole.Leader, N(1), 2), ready.SoftState);
        var noOp = Assert.Single(ready.Entries);
        Assert.Equal(new LogEntry(2, 2, EntryKind.NoOp, ReadOnlyMemory<byte>.Empty).Kind, noOp.Kind);
        Assert.Equal((2L, 2L), (noOp.Index, noOp.Term));
    }

    [Fact]
    public void AppendFromLeaderOfSameTerm_CandidateStepsDown()
    {
        var core = Create(1, Three, [1], term: 1, options: new RaftOptions { PreVote = false });
        core.Campaign();
        Drain(core);

        core.Step(Append(3, 1, term: 2, 1, 1, 0));

        Assert.Equal(NodeRole.Follower, core.Role);
        Assert.Equal(N(3), core.Leader);
        Assert.Contains(Drain(core), m => m is AppendEntriesResponse { Success: true });
    }

    [Fact]
    public void SingleVoter_CampaignWinsImmediately()
    {
        var core = Create(1, [1]);

        core.Campaign();

        Assert.Equal(NodeRole.Leader, core.Role);
        Assert.Equal(1, core.Term);
    }

    [Fact]
    public void Learner_NeverCampaigns()
    {
        var state = new RaftPersistentState(default, SnapshotMetadata.Initial(new Configuration([N(1)], [N(2)])), []);
        var core = new RaftCore(N(2), Group, TestCluster.DefaultOptions, state, new Random(1));

        for (var i = 0; i < 100; i++)
        {
            core.Tick();
        }

        core.Campaign();
        Assert.Equal(NodeRole.Follower, core.Role);
        Assert.Empty(Drain(core));
    }

    [Fact]
    public void CanCampaignOff_NeverCampaigns_OnTimeoutOnCampaignOrOnTransfer()
    {
        var core = Create(2, [1, 2, 3], options: new RaftOptions { CanCampaign = false });
        core.Step(Append(1, 2, 1, 0, 0, 0));
        Drain(core);

        for (var i = 0; i < 1000; i++)
        {
            core.Tick();
        }

        core.Campaign();
        core.Step(new TimeoutNowRequest(1, Group, N(1), N(2)));

        Assert.Equal(NodeRole.Follower, core.Role);
        Assert.Equal(1, core.Term);
        Assert.Empty(Drain(core));
    }

    [Fact]
    public void CanCampaignOff_LeaderSilentLongerThanElectionTimeout_GrantsVotesToTheDesignatedLeader()
    {
        // A static election: only node 1 campaigns. Its followers must leave its lease once it is silent, however long,
        // or the restarted leader could never win again.
        var follower = Create(2, [1, 2, 3], options: new RaftOptions { CanCampaign = false });
        follower.Step(Append(1, 2, 1, 0, 0, 0));
        Drain(follower);
        for (var i = 0; i < 5000; i++)
        {
            follower.Tick();
        }

        follower.Step(Vote(1, 2, 2, 0, 0, preVote: true));
        var preVote = Assert.IsType<VoteResponse>(Assert.Single(Drain(follower)));
        follower.Step(Vote(1, 2, 2, 0, 0));
        var vote = Assert.IsType<VoteResponse>(Assert.Single(Drain(follower)));

        Assert.True(preVote.Granted);
        Assert.True(vote.Granted);
        Assert.Equal(2, follower.Term);
    }

    [Fact]
    public void CanCampaignOff_OnFollowers_OnlyTheDesignatedNodeIsElected()
    {
        var passive = new RaftOptions { CanCampaign = false };
        var cores = new Dictionary<NodeId, RaftCore>
        {
            [N(1)] = Create(1, [1, 2, 3]),
            [N(2)] = Create(2, [1, 2, 3], options: passive),
            [N(3)] = Create(3, [1, 2, 3], options: passive),
        };

        for (var tick = 0; tick < 200 && cores[N(1)].Role != NodeRole.Leader; tick++)
        {
            foreach (var core in cores.Values)
            {
                core.Tick();
            }

            // Deliver until quiet.
            var queue = new Queue<RaftMessage>(cores.Values.SelectMany(Drain));
            while (queue.TryDequeue(out var message))
            {
                var to = cores[message.To];
                to.Step(message);
                foreach (var reply in Drain(to))
                {
                    queue.Enqueue(reply);
                }
            }
        }

        Assert.Equal(NodeRole.Leader, cores[N(1)].Role);
        Assert.All(cores.Values.Where(c => c.Id != N(1)), c => Assert.Equal(NodeRole.Follower, c.Role));
        Assert.All(cores.Values, c => Assert.Equal(N(1), c.Leader));
    }

    [Fact]
    public void Campaign_RemovedByUncommittedChange_StillCampaignsWithoutCountingItself()
    {
        // Thesis §4.2.2: node 1's log removes node 1, uncommitted; it may hold the only up-to-date log, so it runs.
        var voters = Configuration.OfVoters(N(1), N(2), N(3));
        var removal = new ConfigChangeEntry(ConfigChange.RemoveNode(N(1)), voters.Apply(ConfigChange.RemoveNode(N(1))));
        var state = new RaftPersistentState(
            new HardState(1, null, 0), SnapshotMetadata.Initial(voters), [new LogEntry(1, 1, EntryKind.ConfigChange, removal.Encode())]);
        var core = new RaftCore(N(1), Group, new RaftOptions { PreVote = false }, state, new Random(1));

        core.Campaign();
        var requests = Drain(core).Cast<VoteRequest>().ToList();

        Assert.Equal(NodeRole.Candidate, core.Role);
        Assert.Equal([N(2), N(3)], requests.Select(r => r.To).Order());
        core.Step(new VoteResponse(2, Group, N(2), N(1), false, true));
        Assert.Equal(NodeRole.Candidate, core.Role);
        core.Step(new VoteResponse(2, Group, N(3), N(1), false, true));
        Assert.Equal(NodeRole.Leader, core.Role);
    }

    [Fact]
    public void Campaign_RemovalCommitted_NeverCampaigns()
    {
        var voters = Configuration.OfVoters(N(1), N(2), N(3));
        var removal = new ConfigChangeEntry(ConfigChange.RemoveNode(N(1)), voters.Apply(ConfigChange.RemoveNode(N(1))));
        var state = new RaftPersistentState(
            new HardState(1, null, 1), SnapshotMetadata.Initial(voters), [new LogEntry(1, 1, EntryKind.ConfigChange, removal.Encode())]);
        var core = new RaftCore(N(1), Group, new RaftOptions(), state, new Random(1));

        core.Campaign();

        Assert.Equal(NodeRole.Follower, core.Role);
    }

    [Fact]
    public void Election_InClusterOfThree_ElectsExactlyOneLeader()
    {
        var cluster = new TestCluster(3);

        cluster.Elect(2);

        Assert.Equal(NodeRole.Leader, cluster[2].Core.Role);
        Assert.All(new[] { 1L, 3L }, id => Assert.Equal(N(2), cluster[id].Core.Leader));
        Assert.Single(cluster.Hosts.Values, h => h.Core.Role == NodeRole.Leader);
    }

    [Fact]
    public void PreVote_IsolatedNodeRejoining_DoesNotDisturbLeader()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        var term = cluster[1].Core.Term;

        cluster.Isolate(3);
        cluster.Tick(3, 200);
        cluster.Stabilize();
        cluster.Heal();
        cluster.TickAll(3);
        cluster.Stabilize();

        Assert.Equal(term, cluster[3].Core.Term);
        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);
        Assert.Equal(term, cluster[1].Core.Term);
    }

    [Fact]
    public void WithoutPreVote_IsolatedNodeRejoining_RaisesTermAndDeposesLeader()
    {
        var cluster = new TestCluster(3, new RaftOptions { PreVote = false, CheckQuorum = false });
        cluster.Elect(1);
        var term = cluster[1].Core.Term;

        cluster.Isolate(3);
        cluster.Tick(3, 50);
        cluster.Stabilize();
        cluster.Heal();
        cluster.TickAll(1);
        cluster.Stabilize();

        Assert.True(cluster[1].Core.Term > term);
    }

    private static object ToShape(VoteRequest request) =>
        new { request.Term, Pre = request.IsPreVote, LastIndex = request.LastLogIndex, LastTerm = request.LastLogTerm };
}
