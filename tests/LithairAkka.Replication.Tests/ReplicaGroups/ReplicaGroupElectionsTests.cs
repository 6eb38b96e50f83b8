using System.Text;
using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

/// <summary>The fast election path of <see cref="ReplicaGroup"/> (<see cref="LeaderUnreachable"/>).</summary>
public sealed class ReplicaGroupElectionsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    // Long election timeouts: within ElectionTimeoutMin of the leader's last heartbeat, only the fast path can elect.
    private static readonly ReplicationSettings SlowTimeouts = new()
    {
        ElectionTimeoutMin = TimeSpan.FromSeconds(8),
        ElectionTimeoutMax = TimeSpan.FromSeconds(9),
    };

    [Fact]
    public async Task LeaderUnreachable_LeaderStopped_SurvivorsElectBeforeAnyElectionTimeout()
    {
        await using var cluster = new ReplicaCluster(Sys, 3, SlowTimeouts);
        cluster.StartAll();
        await cluster.WriteAsync(new KvPut("before", Encoding.UTF8.GetBytes("x"), null));
        var old = await cluster.AwaitLeaderAsync();

        cluster.Stop(old);
        foreach (var survivor in cluster.Live)
        {
            cluster[survivor].Tell(new LeaderUnreachable(old));
        }

        // Well below the 8 s election timeout the survivors started when they last heard the leader.
        var next = await cluster.AwaitLeaderAsync().WaitAsync(TimeSpan.FromSeconds(6));
        Assert.NotEqual(old, next);
        var after = await cluster.WriteAsync(new KvPut("after", Encoding.UTF8.GetBytes("y"), null));
        await cluster.AwaitAppliedAsync(after.Index);
    }

    [Fact]
    public async Task LeaderUnreachable_ReportedByOneFollowerWhileLeaderLives_LeaderKeepsLeadingInItsTerm()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        var leader = await cluster.AwaitLeaderAsync();
        var term = (await cluster.StatusAsync(leader))!.Term;
        var follower = cluster.Live.First(n => n != leader);

        // The lower-ranked follower campaigns at once: its pre-vote is refused by the leased follower and the leader.
        cluster[follower].Tell(new LeaderUnreachable(leader));
        var write = await cluster.WriteAsync(new KvPut("k", Encoding.UTF8.GetBytes("v"), null));
        await cluster.AwaitAppliedAsync(write.Index);

        Assert.Equal(leader, await cluster.AwaitLeaderAsync());
        foreach (var node in cluster.Live)
        {
            var status = (await cluster.StatusAsync(node))!;
            Assert.Equal(term, status.Term);
            Assert.Equal(leader, status.Leader);
        }
    }

    [Fact]
    public async Task LeaderUnreachable_NotTheLeader_Ignored()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        var leader = await cluster.AwaitLeaderAsync();
        var term = (await cluster.StatusAsync(leader))!.Term;
        var followers = cluster.Live.Where(n => n != leader).ToArray();

        cluster[followers[0]].Tell(new LeaderUnreachable(followers[1]));
        cluster[followers[1]].Tell(new LeaderUnreachable(followers[0]));
        var status = (await cluster.StatusAsync(followers[0]))!;

        // Mailbox order: the status answer comes after the report was handled, and the leader was not forgotten.
        Assert.Equal(leader, status.Leader);
        Assert.Equal(term, status.Term);
        Assert.Equal(NodeRole.Follower, status.Role);
    }
}
