using LithairAkka.Actors;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

/// <summary>The pipelined Ready loop: what may and may not happen while a log store is still writing.</summary>
public sealed partial class ReplicaGroupTests
{
    // Long election timeouts: a held leader store also holds its heartbeats, which must not cost it its leadership.
    private static readonly ReplicationSettings PatientSettings = new()
    {
        ElectionTimeoutMin = TimeSpan.FromSeconds(3),
        ElectionTimeoutMax = TimeSpan.FromSeconds(6),
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),
    };

    private static async Task AwaitStoredAsync(GatedLogStore store, long index)
    {
        using var cts = new CancellationTokenSource(ReplicaCluster.Deadline);
        while (store.GetGroupInfo(1).LastIndex < index)
        {
            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(10, cts.Token);
        }
    }

    [Fact]
    public async Task Propose_LeaderStoreStillWriting_FollowersStoreEntryMeanwhileAndWriteCommitsAfter()
    {
        await using var cluster = new ReplicaCluster(Sys, 3, PatientSettings, _ => new GatedLogStore());
        cluster.StartAll();
        await cluster.WriteAsync(Put("warm", "up"));
        var leader = await cluster.AwaitLeaderAsync();
        var leaderStore = (GatedLogStore)cluster.LogStores[leader];
        var next = leaderStore.GetGroupInfo(1).LastIndex + 1;

        leaderStore.Hold();
        var write = cluster[leader].Ask(new Propose(Put("k", "v").Encode()), TimeSpan.FromSeconds(20));
        foreach (var follower in cluster.Nodes.Where(n => n != leader))
        {
            await AwaitStoredAsync((GatedLogStore)cluster.LogStores[follower], next);
        }

        Assert.Equal(next - 1, leaderStore.GetGroupInfo(1).LastIndex);
        await leaderStore.ReleaseAsync();
        var answer = Assert.IsType<ProposeSucceeded>(await write);
        Assert.Equal(next, answer.Index);
    }

    [Fact]
    public async Task Propose_OnlyLeaderDurable_NotAcknowledgedUntilAFollowerIsDurable()
    {
        await using var cluster = new ReplicaCluster(Sys, 3, PatientSettings, _ => new GatedLogStore());
        cluster.StartAll();
        await cluster.WriteAsync(Put("warm", "up"));
        var leader = await cluster.AwaitLeaderAsync();
        var followers = cluster.Nodes.Where(n => n != leader).Select(n => (GatedLogStore)cluster.LogStores[n]).ToArray();
        var next = cluster.LogStores[leader].GetGroupInfo(1).LastIndex + 1;

        foreach (var store in followers)
        {
            store.Hold();
        }

        var write = cluster[leader].Ask(new Propose(Put("k", "v").Encode()), TimeSpan.FromSeconds(20));
        await AwaitStoredAsync((GatedLogStore)cluster.LogStores[leader], next);
        var status = await cluster.StatusAsync(leader);

        Assert.False(write.IsCompleted);
        Assert.True(status!.CommitIndex < next);
        await followers[0].ReleaseAsync();
        Assert.IsType<ProposeSucceeded>(await write);
        await followers[1].ReleaseAsync();
    }
}
