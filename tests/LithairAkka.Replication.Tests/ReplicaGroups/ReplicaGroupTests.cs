using System.Text;
using LithairAkka.Actors;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

public sealed partial class ReplicaGroupTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static KvPut Put(string key, string value, long? ifVersion = null) =>
        new(key, Encoding.UTF8.GetBytes(value), ifVersion);

    [Fact]
    public async Task Start_ThreeGroups_ElectOneLeader()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();

        var leader = await cluster.AwaitLeaderAsync();

        Assert.Contains(leader, cluster.Nodes);
    }

    [Fact]
    public async Task Propose_ThroughLeader_AppliedOnAllWithIdenticalState()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();

        ProposeSucceeded last = null!;
        for (var i = 0; i < 20; i++)
        {
            last = await cluster.WriteAsync(Put("k" + i, "v" + i));
            Assert.Equal(new KvWritten(1), KvResult.Decode(last.Result));
        }

        var states = await cluster.AwaitAppliedAsync(last.Index);
        var reference = states.Values.First().Data;
        Assert.All(states.Values, s => Assert.Equal(reference, s.Data));
        var listing = Assert.IsType<KvListing>(Assert.IsType<QueryResult>(
            await cluster.ReadAsync(cluster.Nodes[2], new KvList("k1", 100), ReadConsistency.Follower)).Result);
        Assert.Equal(11, listing.Entries.Count);
    }

    [Fact]
    public async Task Propose_OnFollower_AnswersNotLeaderWithHint()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        var leader = await cluster.AwaitLeaderAsync();
        var follower = cluster.Nodes.First(n => n != leader);

        var answer = await cluster[follower].Ask(new Propose(Put("a", "b").Encode()), TimeSpan.FromSeconds(3));

        Assert.Equal(new NotLeader(leader), answer);
    }

    [Fact]
    public async Task Stop_Leader_NewLeaderKeepsAcknowledgedWrites()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        for (var i = 0; i < 10; i++)
        {
            await cluster.WriteAsync(Put("k" + i, "v" + i));
        }

        var old = await cluster.AwaitLeaderAsync();
        cluster.Stop(old);
        var next = await cluster.AwaitLeaderAsync();
        var after = await cluster.WriteAsync(Put("after", "x"));

        Assert.NotEqual(old, next);
        await cluster.AwaitAppliedAsync(after.Index);
        foreach (var node in cluster.Live)
        {
            var listing = Assert.IsType<KvListing>(Assert.IsType<QueryResult>(
                await cluster.ReadAsync(node, new KvList("k", 100), ReadConsistency.Follower)).Result);
            Assert.Equal(10, listing.Entries.Count);
        }
    }

    [Fact]
    public async Task Propose_RetriedRequestId_AppliedOnce()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        var request = new ClientRequest("client-1", 1);

        var first = await cluster.WriteAsync(Put("counter", "a"), request);
        var retry = await cluster.WriteAsync(Put("counter", "a"), request);

        Assert.False(first.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.Index, retry.Index);
        Assert.Equal(new KvWritten(1), KvResult.Decode(retry.Result));
        var leader = await cluster.AwaitLeaderAsync();
        var entry = Assert.IsType<KvEntry>(Assert.IsType<QueryResult>(
            await cluster.ReadAsync(leader, new KvGet("counter"), ReadConsistency.Linearizable)).Result);
        Assert.Equal(1, entry.Version);
    }

    [Fact]
    public async Task Propose_ConditionalPutAndDelete_FollowVersions()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();

        var created = KvResult.Decode((await cluster.WriteAsync(Put("x", "1", ifVersion: 0))).Result);
        var refused = KvResult.Decode((await cluster.WriteAsync(Put("x", "2", ifVersion: 0))).Result);
        var updated = KvResult.Decode((await cluster.WriteAsync(Put("x", "3", ifVersion: 1))).Result);
        var badDelete = KvResult.Decode((await cluster.WriteAsync(new KvDelete("x", IfVersion: 7))).Result);
        var deleted = KvResult.Decode((await cluster.WriteAsync(new KvDelete("x", IfVersion: 2))).Result);
        var again = KvResult.Decode((await cluster.WriteAsync(new KvDelete("x"))).Result);

        Assert.Equal(new KvWritten(1), created);
        Assert.Equal(new KvVersionMismatch(1), refused);
        Assert.Equal(new KvWritten(2), updated);
        Assert.Equal(new KvVersionMismatch(2), badDelete);
        Assert.Equal(new KvDeleted(true), deleted);
        Assert.Equal(new KvDeleted(false), again);
    }

    [Fact]
    public async Task Read_LinearizableAfterWrite_SeesTheWrite()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();
        await cluster.WriteAsync(Put("r", "one"));
        await cluster.WriteAsync(Put("r", "two"));
        var leader = await cluster.AwaitLeaderAsync();
        var follower = cluster.Nodes.First(n => n != leader);

        var onLeader = Assert.IsType<QueryResult>(await cluster.ReadAsync(leader, new KvGet("r"), ReadConsistency.Linearizable));
        var onFollower = Assert.IsType<QueryResult>(await cluster.ReadAsync(follower, new KvGet("r"), ReadConsistency.Linearizable));

        Assert.Equal("two", Encoding.UTF8.GetString(Assert.IsType<KvEntry>(onLeader.Result).Value.Span));
        Assert.Equal("two", Encoding.UTF8.GetString(Assert.IsType<KvEntry>(onFollower.Result).Value.Span));
    }

    [Fact]
    public async Task Propose_AsyncWriteConsistency_AnsweredDurableThenApplied()
    {
        var settings = new ReplicationSettings { WriteConsistency = WriteConsistency.Async };
        await using var cluster = new ReplicaCluster(Sys, 3, settings);
        cluster.StartAll();
        var leader = await cluster.AwaitLeaderAsync();

        var answer = await cluster[leader].Ask(new Propose(Put("async", "yes").Encode()), TimeSpan.FromSeconds(3));

        var durable = Assert.IsType<ProposeDurable>(answer);
        await cluster.AwaitAppliedAsync(durable.Index);
        var entry = Assert.IsType<KvEntry>(Assert.IsType<QueryResult>(
            await cluster.ReadAsync(leader, new KvGet("async"), ReadConsistency.Linearizable)).Result);
        Assert.Equal(1, entry.Version);
    }

    [Theory]
    [InlineData(100, 1, 25)]
    [InlineData(10, 10, 100)]
    public async Task Propose_BurstOfHundred_BatchedIntoFewAppendsCappedByBatchSize(int batchSize, int minAppends, int maxAppends)
    {
        var store = new CountingLogStore();
        await using var cluster = new ReplicaCluster(Sys, 1, new ReplicationSettings { BatchSize = batchSize }, _ => store);
        cluster.StartAll();
        await cluster.WriteAsync(Put("warm-up", "v"));
        var group = cluster[await cluster.AwaitLeaderAsync()];
        var before = store.Appends;

        for (var i = 0; i < 100; i++)
        {
            group.Tell(new Propose(Put("k" + i, "v").Encode()), TestActor);
        }

        var answers = await ReceiveNAsync(100, TimeSpan.FromSeconds(10));
        var appends = store.Appends - before;

        Assert.All(answers, a => Assert.IsType<ProposeSucceeded>(a));
        Assert.InRange(appends, minAppends, maxAppends);
    }

    [Fact]
    public async Task Propose_SuccessiveWrites_StampedWithIncreasingLeaderTimestamps()
    {
        await using var cluster = new ReplicaCluster(Sys, 3);
        cluster.StartAll();

        var first = await cluster.WriteAsync(Put("a", "1"));
        var second = await cluster.WriteAsync(Put("b", "2"));
        var leader = await cluster.AwaitLeaderAsync();

        Assert.NotNull(first.Timestamp);
        Assert.True(second.Timestamp > first.Timestamp);
        Assert.Contains(second.Timestamp!.Value.Node, cluster.Nodes);
        Assert.Contains(leader, cluster.Nodes);
    }
}
