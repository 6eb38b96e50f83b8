using System.Diagnostics;
using System.Text;
using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;
using Xunit.Abstractions;

namespace LithairAkka.Replication.Tests.Remoting;

/// <summary>Three replica groups, each in its own actor system, talking over real remoting on loopback.</summary>
[Collection(MultiSystemCollection.Name)]
public sealed class ReplicaGroupRemotingTests
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly ITestOutputHelper _output;

    public ReplicaGroupRemotingTests(ITestOutputHelper output) => _output = output;

    private static KvPut Put(string key, string value) => new(key, Encoding.UTF8.GetBytes(value));

    [Fact]
    public async Task Start_ThreeSystems_ElectOneLeaderAndCommitQuorumWritesEverywhere()
    {
        await using var cluster = new RemoteReplicaCluster(3);

        ProposeSucceeded last = null!;
        for (var i = 0; i < 30; i++)
        {
            last = await cluster.WriteAsync(Put("k" + i, "v" + i));
        }

        var states = await cluster.AwaitAppliedAsync(last.Index);
        var reference = states.Values.First().Data;
        Assert.All(states.Values, s => Assert.Equal(reference, s.Data));
    }

    [Fact]
    public async Task KillLeaderSystem_NewLeaderWithinBound_NoAcknowledgedWriteLost()
    {
        await using var cluster = new RemoteReplicaCluster(3);
        var acknowledged = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            await cluster.WriteAsync(Put("before" + i, "v"));
            acknowledged.Add("before" + i);
        }

        var old = await cluster.AwaitLeaderAsync();
        var oldTerm = (await cluster.StatusAsync(old))!.Term;
        var clock = Stopwatch.StartNew();
        await cluster.KillAsync(old);
        var survivors = cluster.Live.ToArray();
        var leader = await cluster.AwaitLeaderAsync(survivors, oldTerm + 1).WaitAsync(TimeSpan.FromSeconds(10));
        _output.WriteLine($"new leader {leader} after {clock.ElapsedMilliseconds} ms");

        for (var i = 0; i < 10; i++)
        {
            await cluster.WriteAsync(Put("after" + i, "v"));
            acknowledged.Add("after" + i);
        }

        foreach (var key in acknowledged)
        {
            var answer = await cluster.GroupOf(leader).Ask(new Read(new KvGet(key)), AskTimeout);
            var entry = Assert.IsType<KvEntry>(Assert.IsType<QueryResult>(answer).Result);
            Assert.True(entry.Exists, key);
        }
    }

    [Fact]
    public async Task IsolateLeader_StepsDownMajorityElects_HealedLeaderCatchesUp()
    {
        await using var cluster = new RemoteReplicaCluster(3);
        await cluster.WriteAsync(Put("start", "v"));
        var old = await cluster.AwaitLeaderAsync();
        var oldTerm = (await cluster.StatusAsync(old))!.Term;

        cluster.Isolate(old);
        var majority = cluster.Nodes.Where(n => n != old).ToArray();
        var leader = await cluster.AwaitLeaderAsync(majority, oldTerm + 1);
        await AwaitAsync(async () => (await cluster.StatusAsync(old))?.Role != NodeRole.Leader);
        var refused = await cluster.GroupOf(old).Ask(new Propose(Put("stale", "v").Encode()), AskTimeout);
        Assert.IsNotType<ProposeSucceeded>(refused);

        ProposeSucceeded last = null!;
        for (var i = 0; i < 20; i++)
        {
            last = Assert.IsType<ProposeSucceeded>(await cluster.GroupOf(leader).Ask(new Propose(Put("k" + i, "v").Encode()), AskTimeout));
        }

        cluster.Heal(old);
        var states = await cluster.AwaitAppliedAsync(last.Index);
        var reference = states[leader].Data;
        Assert.All(states.Values, s => Assert.Equal(reference, s.Data));
        Assert.Equal(leader, (await cluster.StatusAsync(old))!.Leader);
    }

    [Fact]
    public async Task FollowerFarBehind_SnapshotThresholdSmall_ResyncedBySnapshotToIdenticalState()
    {
        var settings = new ReplicationSettings { SnapshotThreshold = 300, SnapshotChunkSize = 16 * 1024 };
        await using var cluster = new RemoteReplicaCluster(3, settings);
        await cluster.WriteAsync(Put("start", "v"));
        var leader = await cluster.AwaitLeaderAsync();
        var lagging = cluster.Nodes.First(n => n != leader);
        cluster.Isolate(lagging);

        const int Total = 5_200;
        var majority = cluster.Nodes.Where(n => n != lagging).ToArray();
        var last = await WriteManyAsync(cluster, majority, Enumerable.Range(0, Total).Select(i => ("key-" + i, "value-" + i)).ToArray());

        var lag = last.Index - (await cluster.StatusAsync(lagging))!.CommitIndex;
        Assert.True(lag >= 5_000, $"lag {lag}");
        cluster.Heal(lagging);

        var states = await cluster.AwaitAppliedAsync(last.Index);
        Assert.Equal(states[leader].Data, states[lagging].Data);
        var sent = await cluster.GroupOf(leader).Ask<SnapshotCounters>(GetSnapshotCounters.Instance, AskTimeout);
        var installed = await cluster.GroupOf(lagging).Ask<SnapshotCounters>(GetSnapshotCounters.Instance, AskTimeout);
        Assert.True(sent.SendSuccesses >= 1, sent.ToString());
        Assert.True(installed.SnapshotsInstalled >= 1, installed.ToString());
        Assert.True(cluster.LogStores[lagging].GetGroupInfo(1).FirstIndex > 1);
    }

    [Fact]
    public async Task ProposeAndReadOnFollower_ForwardedToLeaderOverRemoting_Answered()
    {
        await using var cluster = new RemoteReplicaCluster(3);
        await cluster.WriteAsync(Put("start", "v"));
        var leader = await cluster.AwaitLeaderAsync();
        var follower = cluster.Nodes.First(n => n != leader);

        var redirect = Assert.IsType<NotLeader>(await cluster.GroupOf(follower).Ask(new Propose(Put("fwd", "x").Encode()), AskTimeout));
        Assert.Equal(leader, redirect.LeaderHint);
        var remoteLeader = cluster.RefOn(follower, redirect.LeaderHint!.Value);
        var request = new ClientRequest("http-handler", 1);
        var written = Assert.IsType<ProposeSucceeded>(await remoteLeader.Ask(new Propose(Put("fwd", "x").Encode(), request), AskTimeout));
        var retried = Assert.IsType<ProposeSucceeded>(await remoteLeader.Ask(new Propose(Put("fwd", "x").Encode(), request), AskTimeout));
        var read = Assert.IsType<QueryResult>(await remoteLeader.Ask(new Read(new KvGet("fwd")), AskTimeout));
        var local = Assert.IsType<QueryResult>(await cluster.GroupOf(follower).Ask(new Read(new KvGet("fwd")), AskTimeout));

        Assert.Equal(new KvWritten(1), KvResult.Decode(written.Result));
        Assert.True(retried.Duplicate);
        Assert.Equal(written.Index, retried.Index);
        Assert.Equal("x", Encoding.UTF8.GetString(Assert.IsType<KvEntry>(read.Result).Value.Span));
        Assert.Equal(1, Assert.IsType<KvEntry>(local.Result).Version);
        Assert.True(local.AppliedIndex >= written.Index);
    }

    /// <summary>
    /// Writes every pair through the majority's leader, 200 in flight at a time; a write whose outcome is unknown
    /// (the leader stepped down under load) is retried with its request id, so it is applied once.
    /// </summary>
    private static async Task<ProposeSucceeded> WriteManyAsync(RemoteReplicaCluster cluster, NodeId[] majority, (string Key, string Value)[] pairs)
    {
        const int Window = 200;
        ProposeSucceeded? last = null;
        var pending = Enumerable.Range(0, pairs.Length).ToList();
        using var cts = new CancellationTokenSource(RemoteReplicaCluster.Deadline * 2);
        while (pending.Count > 0)
        {
            cts.Token.ThrowIfCancellationRequested();
            var leader = await cluster.AwaitLeaderAsync(majority);
            var failed = new List<int>();
            foreach (var window in pending.Chunk(Window))
            {
                var writes = window.Select(async i =>
                {
                    var propose = new Propose(Put(pairs[i].Key, pairs[i].Value).Encode(), new ClientRequest("bulk-" + i, 1));
                    try
                    {
                        return (i, Answer: await cluster.GroupOf(leader).Ask(propose, AskTimeout));
                    }
                    catch (AskTimeoutException)
                    {
                        return (i, Answer: (object?)null);
                    }
                });
                foreach (var (i, answer) in await Task.WhenAll(writes))
                {
                    if (answer is ProposeSucceeded ok)
                    {
                        last = last is null || ok.Index > last.Index ? ok : last;
                    }
                    else
                    {
                        failed.Add(i);
                    }
                }
            }

            pending = failed;
        }

        return last!;
    }

    private static async Task AwaitAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(RemoteReplicaCluster.Deadline);
        while (!await condition())
        {
            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(20, cts.Token);
        }
    }
}
