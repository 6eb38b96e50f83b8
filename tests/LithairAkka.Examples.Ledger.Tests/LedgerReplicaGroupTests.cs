using LithairAkka.Actors;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Examples.Ledger.Tests;

/// <summary>The ledger replicated by three in-process replica groups.</summary>
public sealed class LedgerReplicaGroupTests : LithairAkka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task Propose_ThroughTheGroup_EveryReplicaAgrees()
    {
        await using var cluster = new LedgerCluster(Sys, new ReplicationSettings());
        foreach (var node in cluster.Nodes)
        {
            cluster.Start(node);
        }

        await cluster.WriteAsync(new OpenAccount("alice"));
        await cluster.WriteAsync(new OpenAccount("bob"));
        await cluster.WriteAsync(new Deposit("alice", 100));
        var (refused, _) = await cluster.WriteAsync(new Transfer("alice", "bob", 101));
        var (moved, last) = await cluster.WriteAsync(new Transfer("alice", "bob", 30));

        Assert.Equal(new LedgerRejected(LedgerRejection.InsufficientFunds), refused);
        Assert.Equal(new LedgerApplied(70), moved);
        var states = await cluster.AwaitAppliedAsync(last.Index);
        Assert.Single(states.Values.Select(s => Convert.ToBase64String(s.Data)).Distinct());
        var leader = await cluster.AwaitLeaderAsync();
        var balance = AccountBalance.Decode(await cluster.ReadAsync(leader, new BalanceQuery("bob"), ReadConsistency.Linearizable));
        Assert.Equal(30, balance.Balance);
    }

    [Fact]
    public async Task Propose_RetriedClientRequest_AppliedOnceAcrossTheGroup()
    {
        await using var cluster = new LedgerCluster(Sys, new ReplicationSettings());
        foreach (var node in cluster.Nodes)
        {
            cluster.Start(node);
        }

        await cluster.WriteAsync(new OpenAccount("alice"));
        await cluster.WriteAsync(new Deposit("alice", 100));
        var request = new ClientRequest("teller", 1);

        var (first, _) = await cluster.WriteAsync(new Withdraw("alice", 80), request);
        var (retry, entry) = await cluster.WriteAsync(new Withdraw("alice", 80), request);

        Assert.Equal(new LedgerApplied(20), first);
        Assert.Equal(first, retry);
        Assert.True(entry.Duplicate);
        var leader = await cluster.AwaitLeaderAsync();
        Assert.Equal(20, AccountBalance.Decode(await cluster.ReadAsync(leader, new BalanceQuery("alice"), ReadConsistency.Linearizable)).Balance);
    }

    [Fact]
    public async Task Snapshot_ReplicaBehindCompactedLog_RestoredWithTheSameBalances()
    {
        await using var cluster = new LedgerCluster(Sys, new ReplicationSettings { SnapshotThreshold = 10, SnapshotChunkSize = 512 });
        foreach (var node in cluster.Nodes)
        {
            cluster.Start(node);
        }

        await cluster.WriteAsync(new OpenAccount("alice"));
        await cluster.WriteAsync(new OpenAccount("bob"));
        var leader = await cluster.AwaitLeaderAsync();
        var lagging = cluster.Nodes.First(n => n != leader);
        cluster.Stop(lagging);
        ProposeSucceeded last = null!;
        for (var i = 1; i <= 40; i++)
        {
            await cluster.WriteAsync(new Deposit("alice", i));
            (_, last) = await cluster.WriteAsync(new Transfer("alice", "bob", i / 2 + 1));
        }

        // Snapshots are saved off the group's mailbox and the log is compacted once one is durable: await it.
        leader = await cluster.AwaitLeaderAsync();
        await AwaitAssertAsync(
            async () =>
            {
                leader = await cluster.AwaitLeaderAsync();
                var status = await cluster[leader].Ask<Replication.Consensus.RaftStatus>(GetGroupStatus.Instance, TimeSpan.FromSeconds(3));
                Assert.True(status.FirstIndex > 2, $"the leader's log should be compacted, first index {status.FirstIndex}");
            },
            TimeSpan.FromSeconds(20));

        cluster.Start(lagging);
        var states = await cluster.AwaitAppliedAsync(last.Index);

        Assert.Equal(states[leader].Data, states[lagging].Data);
        foreach (var account in new[] { "alice", "bob" })
        {
            var expected = AccountBalance.Decode(await cluster.ReadAsync(leader, new BalanceQuery(account), ReadConsistency.Leader));
            var restored = AccountBalance.Decode(await cluster.ReadAsync(lagging, new BalanceQuery(account), ReadConsistency.Follower));
            Assert.Equal(expected, restored);
        }
    }
}
