using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>
/// Snapshot resync across processes (issue #5 §4): a follower killed while the leader commits 100 000 entries is
/// brought back by a snapshot transfer, and afterwards its state machine matches the leader's byte for byte.
/// </summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeResyncTests : IAsyncLifetime
{
    private const int Entries = 100_000;
    private const int Writers = 64;
    private const int Keys = 20_000;
    private static readonly TimeSpan TestDeadline = TimeSpan.FromMinutes(10);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-resync-" + Guid.NewGuid().ToString("N"));
    private readonly NodeProcess?[] _nodes = new NodeProcess?[3];
    private int[][] _ports = [];
    private string _peers = "";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _ports = NodeProcess.DistinctFreePorts(3);
        _peers = string.Join(",", _ports.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{p[2]}")));
        for (var i = 0; i < 3; i++)
        {
            _nodes[i] = StartNode(i);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    [Fact]
    public async Task Restart_Follower100000EntriesBehind_ResyncedBySnapshotAndStateMatchesLeaderByteForByte()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var token = deadline.Token;
        var leaderId = -1;
        foreach (var node in _nodes)
        {
            var ready = await AwaitJsonAsync(node!.Management, "/ready", _ => true, node, token);
            leaderId = ready.GetProperty("leader").GetInt32();
        }

        var leader = _nodes[leaderId]!;
        var followerId = (leaderId + 1) % 3;
        await _nodes[followerId]!.KillAsync();
        await _nodes[followerId]!.DisposeAsync();
        _nodes[followerId] = null;
        var survivors = _nodes.Where(n => n is not null).Select(n => n!).ToArray();
        var before = await SendSuccessesAsync(survivors, token);

        await WriteAsync(leader, token);

        // The survivors may have changed leader under load; the killed follower cannot be it.
        leaderId = await LeaderAmongAsync(survivors, token);
        leader = _nodes[leaderId]!;
        var committed = (await AwaitJsonAsync(leader.Data, "/_raft/health", _ => true, leader, token)).GetProperty("commit_index").GetInt64();
        Assert.True(committed >= Entries, $"commit index {committed}");

        var follower = _nodes[followerId] = StartNode(followerId);

        // Counted by whichever survivor led when the transfer ended (leadership may move under load).
        while (await SendSuccessesAsync(survivors, token) <= before)
        {
            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }

        while (true)
        {
            leader = _nodes[await LeaderAmongAsync(survivors, token)]!;
            var sync = await AwaitJsonAsync(leader.Data, "/_raft/sync-status", _ => true, leader, token);
            if (sync.GetProperty("followers").GetArrayLength() == 2
                && sync.GetProperty("followers").EnumerateArray().All(f => f.GetProperty("health").GetString() == "healthy"))
            {
                break;
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }

        // Writes have stopped: the replicas reach the same applied index, where their states must be equal.
        while (true)
        {
            var expected = await AwaitJsonAsync(leader.Data, "/_raft/state-digest", b => b.GetProperty("applied_index").GetInt64() >= committed, leader, token);
            var actual = await AwaitJsonAsync(follower.Data, "/_raft/state-digest", _ => true, follower, token);
            if (actual.GetProperty("applied_index").GetInt64() == expected.GetProperty("applied_index").GetInt64())
            {
                Assert.Equal(expected.GetProperty("bytes").GetInt64(), actual.GetProperty("bytes").GetInt64());
                Assert.Equal(expected.GetProperty("digest").GetString(), actual.GetProperty("digest").GetString());
                break;
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }

        using var get = await follower.Data.GetAsync("/kv/key-" + ((Entries - 1) % Keys).ToString(CultureInfo.InvariantCulture) + "?consistency=leader", token);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    private NodeProcess StartNode(int i)
    {
        var id = i.ToString(CultureInfo.InvariantCulture);
        return NodeProcess.Start(_directory, _ports[i], "--node-id", id, "--peers", _peers, "--data", Path.Combine(_directory, "node-" + id));
    }

    private static async Task<int> LeaderAmongAsync(IEnumerable<NodeProcess> nodes, CancellationToken token)
    {
        var candidates = nodes.ToArray();
        while (true)
        {
            foreach (var node in candidates)
            {
                var health = await AwaitJsonAsync(node.Data, "/_raft/health", _ => true, node, token);
                if (health.GetProperty("state").GetString() == "Leader")
                {
                    return health.GetProperty("node_id").GetInt32();
                }
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }
    }

    // Snapshot transfers that ended in an install, summed over nodes (each counts those it sent as leader).
    private static async Task<long> SendSuccessesAsync(IEnumerable<NodeProcess> nodes, CancellationToken token)
    {
        var sum = 0L;
        foreach (var node in nodes)
        {
            var body = await AwaitJsonAsync(node.Data, "/_raft/resync_stats", _ => true, node, token);
            sum += body.GetProperty("resync_stats").GetProperty("send_successes").GetInt64();
        }

        return sum;
    }

    // Writers PUT keys key-0 .. key-19999 in turn, Entries writes in all, each acknowledged after quorum commit.
    private static async Task WriteAsync(NodeProcess leader, CancellationToken token)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Writers };
        using var client = new HttpClient(handler) { BaseAddress = leader.Data.BaseAddress, Timeout = NodeProcess.Deadline };
        var value = new string('v', 64);
        var next = -1;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(
            async () =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < Entries)
                {
                    var key = "/kv/key-" + (n % Keys).ToString(CultureInfo.InvariantCulture);
                    while (true)
                    {
                        using var put = await client.PutAsync(key, new StringContent(value), token);
                        if (put.StatusCode == HttpStatusCode.OK)
                        {
                            break;
                        }

                        // A leader change under load (503 no leader yet, 504 outcome unknown): the write is retried,
                        // which at worst adds a version to the key; the request is forwarded to the new leader.
                        Assert.True(put.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"{put.StatusCode}: {await put.Content.ReadAsStringAsync(token)}");
                    }
                }
            },
            token));
        await Task.WhenAll(writers);
    }

    // Polls GET path until it answers 200 with a body satisfying condition; the test's deadline bounds the wait.
    private static async Task<JsonElement> AwaitJsonAsync(HttpClient client, string path, Func<JsonElement, bool> condition, NodeProcess node, CancellationToken token)
    {
        while (true)
        {
            Assert.False(node.HasExited, node.Output());
            try
            {
                using var response = await client.GetAsync(path, token);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(token);
                    if (condition(body))
                    {
                        return body;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }
    }
}
