using System.Text;
using LithairAkka.Actors;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

public sealed class ReplicaGroupRecoveryTests : LithairAkka.TestKit.Xunit2.TestKit, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-replication-" + Guid.NewGuid().ToString("N"));

    public ReplicaGroupRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
        : base((string?)null, output)
    {
    }

    private static KvPut Put(string key, string value) => new(key, Encoding.UTF8.GetBytes(value));

    [Fact]
    public async Task Snapshot_FollowerBehindCompactedLog_CatchesUpByteForByte()
    {
        var settings = new ReplicationSettings { SnapshotThreshold = 20, SnapshotChunkSize = 1024 };
        await using var cluster = new ReplicaCluster(Sys, 3, settings);
        cluster.StartAll();
        var leader = await cluster.AwaitLeaderAsync();
        var lagging = cluster.Nodes.First(n => n != leader);
        cluster.Stop(lagging);

        ProposeSucceeded last = null!;
        var big = new string('v', 300);
        for (var i = 0; i < 60; i++)
        {
            last = await cluster.WriteAsync(Put("key" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), big));
        }

        // Snapshots are saved off the group's mailbox and the log is compacted once one is durable: await it.
        var current = await cluster.AwaitLeaderAsync();
        await AwaitAssertAsync(
            async () =>
            {
                current = await cluster.AwaitLeaderAsync();
                var leaderStatus = await cluster.StatusAsync(current);
                Assert.True(leaderStatus!.FirstIndex > 2, $"the leader's log should be compacted, first index {leaderStatus.FirstIndex}");
            },
            TimeSpan.FromSeconds(20));

        cluster.Start(lagging);
        var states = await cluster.AwaitAppliedAsync(last.Index);

        Assert.Equal(states[current].Data, states[lagging].Data);
        var counters = await cluster[current].Ask<SnapshotCounters>(GetSnapshotCounters.Instance, TimeSpan.FromSeconds(3));
        Assert.True(counters.SnapshotsCreated >= 1);
        Assert.True(counters.SendSuccesses >= 1, counters.ToString());
        Assert.Equal(counters.SendAttempts, counters.SendSuccesses + counters.SendFailures);
    }

    [Fact]
    public async Task Restart_FromFileLogStore_RecoversState()
    {
        var stores = new Dictionary<NodeId, FileLogStore>();
        foreach (var i in new[] { 1, 2, 3 })
        {
            stores[new NodeId(i)] = await FileLogStore.OpenAsync(new FileLogStoreOptions(Path.Combine(_directory, "n" + i)) { PreallocateSegments = false, SegmentSize = 1 << 20 });
        }

        ProposeSucceeded last = null!;
        var cluster = new ReplicaCluster(Sys, 3, logStores: n => stores[n]);
        try
        {
            cluster.StartAll();
            for (var i = 0; i < 15; i++)
            {
                last = await cluster.WriteAsync(Put("p" + i, "v" + i));
            }

            await cluster.AwaitAppliedAsync(last.Index);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        await using var restarted = new ReplicaCluster(
            Sys,
            3,
            logStores: n => FileLogStore.OpenAsync(new FileLogStoreOptions(Path.Combine(_directory, "n" + n.Value)) { PreallocateSegments = false, SegmentSize = 1 << 20 }).AsTask().GetAwaiter().GetResult());
        restarted.StartAll();
        var leader = await restarted.AwaitLeaderAsync();
        var listing = Assert.IsType<KvListing>(Assert.IsType<QueryResult>(
            await restarted.ReadAsync(leader, new KvList("p", 100), ReadConsistency.Linearizable)).Result);

        Assert.Equal(15, listing.Entries.Count);
        var states = await restarted.AwaitAppliedAsync(last.Index);
        Assert.Single(states.Values.Select(s => Convert.ToBase64String(s.Data)).Distinct());
    }

    [Fact]
    public async Task GetSyncStatus_OnLeader_ReportsHealthyFollowers()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        await cluster.WriteAsync(Put("a", "b"));
        var leader = await cluster.AwaitLeaderAsync();

        await AwaitAssertAsync(async () =>
        {
            var status = await cluster[leader].Ask<SyncStatus>(GetSyncStatus.Instance, TimeSpan.FromSeconds(3));
            Assert.Equal(2, status.Followers.Count);
            Assert.All(status.Followers, f => Assert.Equal(FollowerHealth.Healthy, f.Health));
            Assert.All(status.Followers, f => Assert.NotNull(f.LastLatency));
        }, ReplicaCluster.Deadline);
        var follower = cluster.Nodes.First(n => n != leader);
        Assert.IsType<NotLeader>(await cluster[follower].Ask(GetSyncStatus.Instance, TimeSpan.FromSeconds(3)));
    }

    void IDisposable.Dispose()
    {
        Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
