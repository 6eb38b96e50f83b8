using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>
/// Elections across node processes: a SIGKILLed leader is replaced with no acknowledged write lost, a leader cut off
/// into a minority steps down while the majority elects and serves, and a static election never fails over.
/// </summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeElectionTests : IAsyncLifetime
{
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-election-" + Guid.NewGuid().ToString("N"));
    private readonly NodeProcess?[] _nodes = new NodeProcess?[3];
    private int[][] _ports = [];
    private string _peers = string.Empty;
    private string _config = string.Empty;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        PickPorts();
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
    public async Task Kill_LeaderWhileWritersRun_NewLeaderElectedAndEveryAcknowledgedWriteReadable()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var leader = await StartClusterAsync(string.Empty, deadline.Token);

        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteUntilStoppedAsync(w, acknowledged, stop.Token))).ToArray();
        await AwaitCountAsync(acknowledged, 20, deadline.Token);

        await _nodes[leader]!.KillAsync();
        var before = acknowledged.Count;
        await AwaitCountAsync(acknowledged, before + 20, deadline.Token);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var survivors = Enumerable.Range(0, 3).Where(i => i != leader).ToArray();
        var next = await AwaitAgreedLeaderAsync(survivors, deadline.Token);
        Assert.NotEqual(leader, next);
        foreach (var (key, value) in acknowledged)
        {
            using var get = await _nodes[survivors[0]]!.Data.GetAsync("/kv/" + key, deadline.Token);
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"acknowledged write {key} is missing: {get.StatusCode}");
            Assert.Equal(value, await get.Content.ReadAsStringAsync(deadline.Token));
        }
    }

    [Fact]
    public async Task Partition_LeaderIntoMinority_StepsDownMajorityElectsAndServesOldLeaderWritesFail()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var leader = await StartClusterAsync("lithair.testing.fault-injection = on\n", deadline.Token);
        var majority = Enumerable.Range(0, 3).Where(i => i != leader).ToArray();
        var oldTerm = (await HealthAsync(leader, deadline.Token))!.Value.GetProperty("term").GetInt64();

        foreach (var other in majority)
        {
            await FaultAsync(leader, "/_fault/blackhole?peer=" + RemoteOf(other) + "&direction=both", deadline.Token);
            await FaultAsync(other, "/_fault/blackhole?peer=" + RemoteOf(leader) + "&direction=both", deadline.Token);
        }

        // The cut-off leader's write cannot reach a quorum: it must not be acknowledged.
        var minorityWrite = await TryPutAsync(leader, "minority", "lost", deadline.Token);
        Assert.NotEqual(HttpStatusCode.OK, minorityWrite);

        var next = await AwaitAsync(
            async () =>
            {
                foreach (var i in majority)
                {
                    if (IsLeaderAbove(await HealthAsync(i, deadline.Token), oldTerm))
                    {
                        return i;
                    }
                }

                return (int?)null;
            },
            deadline.Token);
        await AwaitWriteAsync(next, "majority", "kept", deadline.Token);
        await AwaitAsync(
            async () => _nodes[leader]!.HasExited || (await HealthAsync(leader, deadline.Token))?.GetProperty("state").GetString() != "Leader" ? true : (bool?)null,
            deadline.Token);

        // The split-brain resolver may have downed the old leader's process; if it runs, heal and let it rejoin.
        foreach (var node in Enumerable.Range(0, 3).Where(i => !_nodes[i]!.HasExited))
        {
            await FaultAsync(node, "/_fault/heal", deadline.Token);
        }

        using var lost = await _nodes[next]!.Data.GetAsync("/kv/minority", deadline.Token);
        Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);
        using var kept = await _nodes[next]!.Data.GetAsync("/kv/majority", deadline.Token);
        Assert.Equal("kept", await kept.Content.ReadAsStringAsync(deadline.Token));
    }

    [Fact]
    public async Task StaticElection_NodeZeroLeadsSurvivorsNeverCampaignRestartedLeaderLeadsAgain()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        const string config = "lithair.replication.election = static\n";
        Assert.Equal(0, await StartClusterAsync(config, deadline.Token));
        await AwaitWriteAsync(1, "static", "v", deadline.Token);

        await _nodes[0]!.KillAsync();

        // Ten maximum election timeouts without a leader: the followers never campaign.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var survivor in new[] { 1, 2 })
            {
                var health = await HealthAsync(survivor, deadline.Token);
                Assert.NotEqual("Leader", health?.GetProperty("state").GetString());
                Assert.NotEqual("Candidate", health?.GetProperty("state").GetString());
            }

            // Poll interval of an observation window bounded by the stopwatch.
            await Task.Delay(50, deadline.Token);
        }

        Assert.NotEqual(HttpStatusCode.OK, await TryPutAsync(1, "no-leader", "x", deadline.Token));

        _nodes[0] = Start(0, config);
        Assert.Equal(0, await AwaitAgreedLeaderAsync([0, 1, 2], deadline.Token));
        using var get = await _nodes[2]!.Data.GetAsync("/kv/static", deadline.Token);
        Assert.Equal("v", await get.Content.ReadAsStringAsync(deadline.Token));
        await AwaitWriteAsync(2, "after-restart", "w", deadline.Token);
    }

    // Starts the three nodes and returns the leader they agree on. Free ports are picked before the nodes bind them,
    // so another process on the machine may take one first: the cluster then starts again on fresh ports.
    private async Task<int> StartClusterAsync(string config, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            for (var i = 0; i < 3; i++)
            {
                _nodes[i] = Start(i, config);
            }

            try
            {
                return await AwaitAgreedLeaderAsync([0, 1, 2], token);
            }
            catch (Xunit.Sdk.FalseException) when (attempt < 3 && _nodes.Any(n => n!.HasExited && n.Output().Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
            {
                for (var i = 0; i < 3; i++)
                {
                    await _nodes[i]!.DisposeAsync();
                    _nodes[i] = null;
                }

                Directory.Delete(_directory, recursive: true);
                Directory.CreateDirectory(_directory);
                PickPorts();
            }
        }
    }

    private void PickPorts()
    {
        _ports = NodeProcess.DistinctFreePorts(3);
        _peers = string.Join(",", _ports.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{p[2]}")));
    }

    private NodeProcess Start(int i, string config)
    {
        _config = Path.Combine(_directory, "node.conf");
        // The node's own node.conf (ports from the environment), then the test's settings.
        File.WriteAllText(_config, "include \"" + Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") + "\"\n" + config);
        var id = i.ToString(CultureInfo.InvariantCulture);
        return NodeProcess.Start(_directory, _ports[i], "--config", _config, "--node-id", id, "--peers", _peers, "--data", Path.Combine(_directory, "node-" + id));
    }

    private string RemoteOf(int i) => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{_ports[i][2]}");

    private async Task WriteUntilStoppedAsync(int writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"w{writer}-{n}");
            var value = "value-" + key;
            if (await TryPutAsync((writer + n) % 3, key, value, stop) == HttpStatusCode.OK)
            {
                acknowledged[key] = value;
            }
        }
    }

    // The status of one PUT, or 0 when it got no answer (refused connection, timeout, stopped).
    private async Task<HttpStatusCode> TryPutAsync(int node, string key, string value, CancellationToken token)
    {
        var process = _nodes[node]!;
        if (process.HasExited)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var put = await process.Data.PutAsync("/kv/" + key, new StringContent(value), timeout.Token);
            return put.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return 0;
        }
    }

    private async Task AwaitWriteAsync(int node, string key, string value, CancellationToken token) =>
        await AwaitAsync(async () => await TryPutAsync(node, key, value, token) == HttpStatusCode.OK ? true : (bool?)null, token);

    private async Task<JsonElement?> HealthAsync(int node, CancellationToken token)
    {
        var process = _nodes[node]!;
        if (process.HasExited)
        {
            return null;
        }

        try
        {
            using var response = await process.Data.GetAsync("/_raft/health", token);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(token) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static bool IsLeaderAbove(JsonElement? health, long term) =>
        health is { } h && h.GetProperty("state").GetString() == "Leader" && h.GetProperty("term").GetInt64() > term;

    // Waits until the given nodes are ready and all name the same leader; returns it.
    private async Task<int> AwaitAgreedLeaderAsync(int[] nodes, CancellationToken token) =>
        await AwaitAsync(
            async () =>
            {
                var leaders = new HashSet<long>();
                foreach (var i in nodes)
                {
                    Assert.False(_nodes[i]!.HasExited, _nodes[i]!.Output());
                    try
                    {
                        using var ready = await _nodes[i]!.Management.GetAsync("/ready", token);
                        if (!ready.IsSuccessStatusCode)
                        {
                            return null;
                        }

                        leaders.Add((await ready.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("leader").GetInt64());
                    }
                    catch (HttpRequestException)
                    {
                        return null;
                    }
                }

                return leaders.Count == 1 ? (int)leaders.Single() : (int?)null;
            },
            token);

    private async Task FaultAsync(int node, string path, CancellationToken token)
    {
        using var response = await _nodes[node]!.Management.PostAsync(path, null, token);
        Assert.True(response.IsSuccessStatusCode, $"{path} on node {node}: {response.StatusCode}");
    }

    private static async Task AwaitCountAsync(ConcurrentDictionary<string, string> acknowledged, int count, CancellationToken token) =>
        await AwaitAsync(() => Task.FromResult(acknowledged.Count >= count ? true : (bool?)null), token);

    // Polls condition until it yields a value, within token's deadline.
    private static async Task<T> AwaitAsync<T>(Func<Task<T?>> condition, CancellationToken token)
        where T : struct
    {
        while (true)
        {
            if (await condition() is { } value)
            {
                return value;
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(50, token);
        }
    }
}
