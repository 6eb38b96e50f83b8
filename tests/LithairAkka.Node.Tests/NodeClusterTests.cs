using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>Three node processes on free ports, started with the same <c>--peers</c> list, form one cluster.</summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan ClusterDeadline = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly List<NodeProcess> _nodes = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var ports = NodeProcess.DistinctFreePorts(3);
        var peers = string.Join(",", ports.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{p[2]}")));
        for (var i = 0; i < 3; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            _nodes.Add(NodeProcess.Start(_directory, ports[i], "--node-id", id, "--peers", peers, "--data", Path.Combine(_directory, "node-" + id)));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
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
    public async Task Start_SamePeerList_FormsClusterOfThreeAndSurvivesLeaderKill()
    {
        using var deadline = new CancellationTokenSource(ClusterDeadline);
        foreach (var node in _nodes)
        {
            var members = await AwaitAsync(node, "/cluster/members", body =>
                body.GetProperty("members").GetArrayLength() == 3
                && body.GetProperty("members").EnumerateArray().All(m => m.GetProperty("status").GetString() == "Up"), deadline.Token);
            Assert.Equal(0, members.GetProperty("unreachable").GetArrayLength());
            Assert.Contains(members.GetProperty("members").EnumerateArray(), m => m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "replica"));
        }

        var leader = -1L;
        foreach (var node in _nodes)
        {
            var ready = await AwaitAsync(node, "/ready", _ => true, deadline.Token);
            leader = ready.GetProperty("leader").GetInt64();
        }

        var follower = _nodes[(int)((leader + 1) % 3)];
        using (var put = await follower.Data.PutAsync("/kv/on-follower", new StringContent("v1"), deadline.Token))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await _nodes[(int)leader].KillAsync();
        var survivors = _nodes.Where((_, i) => i != leader).ToArray();
        foreach (var survivor in survivors)
        {
            await AwaitWriteAsync(survivor, "after-kill-" + Array.IndexOf(survivors, survivor).ToString(CultureInfo.InvariantCulture), deadline.Token);
        }

        using var get = await survivors[0].Data.GetAsync("/kv/on-follower", deadline.Token);
        Assert.Equal("v1", await get.Content.ReadAsStringAsync(deadline.Token));
    }

    // Polls GET path on the management port until it answers 200 with a body satisfying condition.
    private static async Task<JsonElement> AwaitAsync(NodeProcess node, string path, Func<JsonElement, bool> condition, CancellationToken token)
    {
        while (true)
        {
            Assert.False(node.HasExited, node.Output());
            try
            {
                using var response = await node.Management.GetAsync(path, token);
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

    // Retries a write until it commits: 503 (no leader yet) and 504 are expected while the survivors elect a leader.
    private static async Task AwaitWriteAsync(NodeProcess node, string key, CancellationToken token)
    {
        while (true)
        {
            using var put = await node.Data.PutAsync("/kv/" + key, new StringContent("v"), token);
            if (put.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(put.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"{put.StatusCode}: {await put.Content.ReadAsStringAsync(token)}");

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(100, token);
        }
    }
}
