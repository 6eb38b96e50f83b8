using LithairAkka.Replication.Consensus;
using static LithairAkka.Replication.Tests.Consensus.Cores;

namespace LithairAkka.Replication.Tests.Consensus;

public class LeaderRoleTests
{
    [Fact]
    public void Propose_ThreeNodes_CommittedAndAppliedInOrderEverywhere()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);

        cluster.Propose(1, "a");
        cluster.Propose(1, "b");
        cluster.Stabilize();
        cluster.TickAll(1);
        cluster.Stabilize();

        Assert.All(cluster.Hosts.Values, h => Assert.Equal(["a", "b"], h.AppliedCommands()));
    }

    [Fact]
    public void Propose_NoMajority_NotCommitted()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(2);
        cluster.Isolate(3);

        var result = cluster.Propose(1, "a");
        cluster.Stabilize();

        Assert.True(result.IsAccepted);
        Assert.True(cluster[1].Core.CommitIndex < result.Index);
        Assert.Empty(cluster[1].AppliedCommands());
    }

    [Fact]
    public void Propose_SingleNode_CommitsOnlyAfterHostPersisted()
    {
        var core = Create(1, [1]);
        core.Campaign();
        Drain(core);

        var result = core.Propose(new byte[] { 42 });
        var first = core.GetReady();
        Assert.Single(first.Entries);
        Assert.Empty(first.CommittedEntries);
        core.Advance(first);

        var second = core.GetReady();
        var applied = Assert.Single(second.CommittedEntries);
        Assert.Equal(result.Index, applied.Index);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Figure8_OldTermEntryStoredByMajority_CommittedOnlyThroughCurrentTermEntry(bool unsafeCommit)
    {
        // Raft §5.4.2, Figure 8. S1 leads term 4 with log (1,1)(2,2); S5 holds (2,3) from term 3.
        var options = new RaftOptions
        {
            PreVote = false,
            CheckQuorum = false,
            MaxEntriesPerMessage = 1,
            UnsafeCommitOldTermEntries = unsafeCommit,
        };
        var voters = new Configuration([N(1), N(2), N(3), N(4), N(5)], []);
        RaftPersistentState State(params long[] terms) => new(
            new HardState(3, null, 0), SnapshotMetadata.Initial(voters), [.. terms.Select((t, i) => RaftLogTests.E(i + 1, t))]);
        var cluster = new TestCluster(options, (1, State(1, 2)), (2, State(1, 2)), (3, State(1)), (4, State(1)), (5, State(1, 3)));
        cluster.Isolate(4);
        cluster.Isolate(5);
        // S3 receives (2,2) but never the term-4 no-op at index 3.
        cluster.Filter = m => !(m is AppendEntriesRequest a && a.To == N(3) && cluster[3].Core.LastIndex >= 2 && a.Entries.Any(e => e.Index == 3));

        cluster.Elect(1);

        Assert.Equal((NodeRole.Leader, 4L), (cluster[1].Core.Role, cluster[1].Core.Term));
        Assert.Equal(2, cluster[3].Core.LastIndex);
        // (2,2) is on S1, S2, S3: a majority, yet not committed unless the rule is broken.
        Assert.Equal(unsafeCommit ? 2 : 0, cluster[1].Core.CommitIndex);

        // S1 crashes; S5 wins term 5 with S3 and S4 (its last term 3 beats their 2 and 1) and overwrites index 2.
        cluster.Heal();
        cluster.Isolate(1);
        cluster.Isolate(2);
        cluster.Elect(5); // term 4: S3 already voted for S1 in it, the election stays open
        cluster.Elect(5); // term 5
        cluster.TickAll(1);
        cluster.Stabilize();

        Assert.Equal(NodeRole.Leader, cluster[5].Core.Role);
        var s5Entry2 = cluster[5].Applied.Single(e => e.Index == 2);
        Assert.Equal(3, s5Entry2.Term);
        var s1Entry2 = cluster[1].Applied.SingleOrDefault(e => e.Index == 2);
        if (unsafeCommit)
        {
            // The violation the rule prevents: two state machines applied different entries at index 2.
            Assert.Equal(2, s1Entry2.Term);
        }
        else
        {
            Assert.Equal(default, s1Entry2);
        }
    }

    [Fact]
    public void Figure8_CurrentTermEntryReachesMajority_CommitsEarlierEntriesToo()
    {
        var options = new RaftOptions { PreVote = false, CheckQuorum = false, MaxEntriesPerMessage = 1 };
        var voters = new Configuration([N(1), N(2), N(3)], []);
        RaftPersistentState State(params long[] terms) => new(
            new HardState(3, null, 0), SnapshotMetadata.Initial(voters), [.. terms.Select((t, i) => RaftLogTests.E(i + 1, t))]);
        var cluster = new TestCluster(options, (1, State(1, 2)), (2, State(1)), (3, State(1)));

        cluster.Elect(1);

        Assert.Equal(3, cluster[1].Core.CommitIndex);
        Assert.Equal([1L, 2L, 4L], cluster[1].Applied.Select(e => e.Term));
    }

    [Fact]
    public void CheckQuorum_LeaderCutOffFromMajority_StepsDownWithinTwoElectionTimeouts()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(2);
        cluster.Isolate(3);

        cluster.Tick(1, 2 * cluster.Options.ElectionTimeoutMinTicks);

        Assert.Equal(NodeRole.Follower, cluster[1].Core.Role);
        Assert.Null(cluster[1].Core.Leader);
    }

    [Fact]
    public void CheckQuorum_LeaderHearingFromMajority_StaysLeader()
    {
        var cluster = new TestCluster(3);
        cluster.Elect(1);
        cluster.Isolate(3);

        for (var i = 0; i < 5 * cluster.Options.ElectionTimeoutMinTicks; i++)
        {
            cluster.Tick(1);
            cluster.Stabilize();
        }

        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);
    }

    [Fact]
    public void FlowControl_SilentFollower_AtMostMaxInflightAppendsWithMaxEntriesEach()
    {
        var options = new RaftOptions { MaxInflightMessages = 2, MaxEntriesPerMessage = 2 };
        var cluster = new TestCluster(3, options);
        cluster.Elect(1);
        var sentTo2 = new List<AppendEntriesRequest>();
        cluster.Filter = m =>
        {
            if (m is AppendEntriesRequest { To.Value: 2 } append)
            {
                sentTo2.Add(append);
                return false;
            }

            return true;
        };

        for (var i = 0; i < 10; i++)
        {
            cluster.Propose(1, "c" + i);
        }

        cluster.Drain();

        // Both followers are in Replicate and nothing was answered yet: the window allows two messages each.
        var to3 = cluster.Queue.OfType<AppendEntriesRequest>().Where(m => m.To == N(3)).ToList();
        Assert.Equal(2, to3.Count);
        Assert.Equal(2, sentTo2.Count);
        Assert.All(to3.Concat(sentTo2), m => Assert.Equal(2, m.Entries.Count));

        // Node 3 answers and gets the rest; node 2 stays silent and stays at two in flight.
        cluster.Stabilize();
        Assert.Equal(cluster[1].Core.LastIndex, cluster[3].Core.LastIndex);
        Assert.Equal(2, sentTo2.Count);
        var status = cluster[1].Core.GetStatus().Followers.Single(f => f.Node == N(2));
        Assert.Equal(2, status.InflightMessages);
        Assert.Equal(ProgressState.Replicate, status.State);
    }

    [Fact]
    public void FlowControl_ByteBudget_SplitsMessages()
    {
        var options = new RaftOptions { MaxBytesPerMessage = 300 };
        var cluster = new TestCluster(2, options);
        cluster.Elect(1);

        for (var i = 0; i < 4; i++)
        {
            cluster[1].Core.Propose(new byte[200]);
        }

        cluster.Drain();

        Assert.All(cluster.Queue.OfType<AppendEntriesRequest>(), m => Assert.True(m.Entries.Count <= 1));
    }

    [Fact]
    public void Backtracking_DivergentFollower_FindsMatchInFewProbes()
    {
        // Follower 2 has 50 entries of term 2 the leader never had; the leader has 50 entries of terms 1 then 3.
        var voters = Configuration.OfVoters(N(1), N(2), N(3));
        var leaderLog = Enumerable.Range(1, 50).Select(i => RaftLogTests.E(i, i <= 5 ? 1 : 3)).ToArray();
        var followerLog = Enumerable.Range(1, 50).Select(i => RaftLogTests.E(i, i <= 5 ? 1 : 2)).ToArray();
        var cluster = new TestCluster(
            new RaftOptions { PreVote = false },
            (1, new RaftPersistentState(new HardState(3, null, 0), SnapshotMetadata.Initial(voters), leaderLog)),
            (2, new RaftPersistentState(new HardState(3, null, 0), SnapshotMetadata.Initial(voters), followerLog)),
            (3, new RaftPersistentState(new HardState(3, null, 0), SnapshotMetadata.Initial(voters), leaderLog)));
        var probes = 0;
        cluster.Filter = m =>
        {
            if (m is AppendEntriesResponse { Success: false, From.Value: 2 })
            {
                probes++;
            }

            return true;
        };

        cluster.Elect(1);

        Assert.InRange(probes, 1, 2);
        Assert.Equal(cluster[1].Core.LastIndex, cluster[2].Core.LastIndex);
        Assert.Equal(3, cluster[2].Entries[^2].Term);
    }

    [Fact]
    public void DeposedLeader_AppendsRefusedWithNewerTermAndUncommittedEntriesDiscarded()
    {
        var cluster = new TestCluster(3, new RaftOptions { CheckQuorum = false });
        cluster.Elect(1);
        cluster.Isolate(1);
        var stale = cluster.Propose(1, "lost");
        cluster.TickUntil(() => cluster.Hosts.Values.Any(h => h.Id != N(1) && h.Core.Role == NodeRole.Leader));
        var newLeader = cluster.Hosts.Values.Single(h => h.Id != N(1) && h.Core.Role == NodeRole.Leader);
        Assert.Equal(NodeRole.Leader, cluster[1].Core.Role);

        cluster.Heal();
        var fences = new List<AppendEntriesResponse>();
        cluster.Filter = m =>
        {
            if (m is AppendEntriesResponse { Success: false, To.Value: 1 } refusal)
            {
                fences.Add(refusal);
            }

            return true;
        };
        cluster.Tick(1);
        cluster.Stabilize();

        Assert.NotEmpty(fences);
        Assert.All(fences, f => Assert.Equal(newLeader.Core.Term, f.Term));
        Assert.Equal(NodeRole.Follower, cluster[1].Core.Role);
        cluster.TickUntil(() => cluster[1].Core.Leader == newLeader.Id && cluster[1].Core.CommitIndex == newLeader.Core.CommitIndex);
        Assert.NotEqual(stale.Term, cluster[1].Entries.Single(e => e.Index == stale.Index).Term);
        Assert.DoesNotContain("lost", cluster[1].AppliedCommands());
    }
}
