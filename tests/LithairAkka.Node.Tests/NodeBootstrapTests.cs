using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>
/// Cluster bootstrap with <c>akka.discovery.method = config</c> and no seed nodes: node processes started at once form
/// exactly one cluster, and a node started later joins it.
/// </summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeBootstrapTests : IAsyncLifetime
{
    private static readonly TimeSpan ClusterDeadline = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-bootstrap-" + Guid.NewGuid().ToString("N"));
    private readonly List<NodeProcess> _nodes = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
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
    public async Task Start_ThreeAtOnceWithBootstrap_FormOneClusterAndALaterNodeJoinsIt()
    {
        using var deadline = new CancellationTokenSource(ClusterDeadline);
        var ports = NodeProcess.DistinctFreePorts(4);
        var config = await WriteConfigAsync(ports);

        // The replication voters still come from --peers; the cluster itself from bootstrap alone.
        var peers = string.Join(",", ports.Take(3).Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{p[2]}")));
        for (var i = 0; i < 3; i++)
        {
            _nodes.Add(StartNode(ports[i], i, config, "--peers", peers));
        }

        var views = new List<string[]>();
        foreach (var node in _nodes)
        {
            var members = await AwaitMembersAsync(node, 3, deadline.Token);
            views.Add(members);
        }

        // One cluster: every node sees the same three members, and exactly one node formed it.
        Assert.All(views, v => Assert.Equal(views[0], v));
        Assert.Single(_nodes, n => n.StandardOutput.Any(line => line.Contains("forming a new cluster", StringComparison.Ordinal)));
        Assert.Equal(2, _nodes.Count(n => n.StandardOutput.Any(line => line.Contains("reports a cluster", StringComparison.Ordinal))));
        foreach (var node in _nodes)
        {
            await node.AwaitReadyAsync();
        }

        var late = StartNode(ports[3], 3, config);
        _nodes.Add(late);
        var lateView = await AwaitMembersAsync(late, 4, deadline.Token);
        Assert.DoesNotContain(late.StandardOutput, line => line.Contains("forming a new cluster", StringComparison.Ordinal));
        foreach (var node in _nodes.Take(3))
        {
            Assert.Equal(lateView, await AwaitMembersAsync(node, 4, deadline.Token));
        }
    }

    [Fact]
    public async Task Start_BootstrapWithSeedNodes_ExitsWith2NamingTheKey()
    {
        var config = Path.Combine(_directory, "both.conf");
        await File.WriteAllTextAsync(config, Include() + """
            akka.management.cluster.bootstrap.enabled = on
            akka.cluster.seed-nodes = ["akka.tcp://lithair@127.0.0.1:4053"]
            """);

        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--config", config, "--data", Path.Combine(_directory, "both"));

        Assert.Equal(2, await node.WaitForExitAsync());
        Assert.Contains("akka.management.cluster.bootstrap.enabled", Assert.Single(node.StandardError), StringComparison.Ordinal);
    }

    private NodeProcess StartNode(int[] ports, int id, string config, params string[] extra)
    {
        var name = id.ToString(CultureInfo.InvariantCulture);
        return NodeProcess.Start(_directory, ports, ["--config", config, "--node-id", name, "--data", Path.Combine(_directory, "node-" + name), .. extra]);
    }

    // Bootstrap on the four management endpoints, with short margins so that the test runs in seconds.
    private async Task<string> WriteConfigAsync(int[][] ports)
    {
        var endpoints = string.Join(", ", ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"127.0.0.1:{p[1]}\"")));
        var config = Path.Combine(_directory, "bootstrap.conf");
        await File.WriteAllTextAsync(config, Include() + $$"""
            akka.management.cluster.bootstrap {
              enabled = on
              contact-point-discovery { required-contact-point-nr = 3, stable-margin = 1s, interval = 200ms, contact-with-all-contact-points = false }
              contact-point { probe-interval = 200ms, probing-failure-timeout = 1s }
            }
            akka.discovery.config.services.lithair.endpoints = [{{endpoints}}]
            """);
        return config;
    }

    private static string Include() => "include \"" + Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") + "\"\n";

    // Polls /cluster/members until it lists `count` members, all Up; returns their addresses, sorted.
    private static async Task<string[]> AwaitMembersAsync(NodeProcess node, int count, CancellationToken token)
    {
        while (true)
        {
            Assert.False(node.HasExited, node.Output());
            try
            {
                using var response = await node.Management.GetAsync("/cluster/members", token);
                if (response.IsSuccessStatusCode)
                {
                    var members = (await response.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("members").EnumerateArray().ToArray();
                    Assert.True(members.Length <= count, "more members than nodes: " + node.Output());
                    if (members.Length == count && members.All(m => m.GetProperty("status").GetString() == "Up"))
                    {
                        return [.. members.Select(m => m.GetProperty("node").GetString()!).Order(StringComparer.Ordinal)];
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
