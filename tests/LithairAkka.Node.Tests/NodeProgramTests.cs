using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>The node executable, started as a process on free loopback ports with a temporary data directory.</summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeProgramTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-node-" + Guid.NewGuid().ToString("N"));

    public NodeProgramTests() => Directory.CreateDirectory(_directory);

    private string DataDirectory => Path.Combine(_directory, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    private async Task<(int ExitCode, string[] Errors)> RunToExitAsync(params string[] arguments)
    {
        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), arguments);
        var code = await node.WaitForExitAsync();
        return (code, node.StandardError.ToArray());
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--node-id x", "--node-id")]
    [InlineData("--peers nowhere", "--peers")]
    [InlineData("--peers 1@127.0.0.1:4054,1@127.0.0.1:4055", "--peers")]
    [InlineData("--leader", "--leader")]
    [InlineData("--config /nonexistent/node.conf", "--config")]
    public async Task Start_BadOption_ExitsWith2AndOneLineNamingIt(string arguments, string named)
    {
        var (code, errors) = await RunToExitAsync(arguments.Split(' '));

        Assert.Equal(2, code);
        var line = Assert.Single(errors);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lithair.http.leader-wait = soon", "lithair.http.leader-wait")]
    [InlineData("lithair.http.max-value-size = 0", "lithair.http.max-value-size")]
    [InlineData("lithair.replication.batch-size = many", "lithair.replication.batch-size")]
    [InlineData("lithair.replication.election = sometimes", "lithair.replication.election")]
    [InlineData("akka.management.http.port = 99999", "akka.management.http.port")]
    [InlineData("akka.loglevel = LOUD", "akka.loglevel")]
    [InlineData("lithair.http {", "bad.conf")]
    public async Task Start_BadHocon_ExitsWith2AndOneLineNamingTheKey(string line, string named)
    {
        var config = Path.Combine(_directory, "bad.conf");
        await File.WriteAllTextAsync(config, "include \"" + Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") + "\"\n" + line + "\n");

        var (code, errors) = await RunToExitAsync("--config", config, "--data", DataDirectory);

        Assert.Equal(2, code);
        Assert.Contains(named, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpPortInUse_ExitsWith1AndOneLine()
    {
        var ports = NodeProcess.FreePorts();
        using var squatter = new System.Net.Sockets.TcpListener(IPAddress.Loopback, ports[0]);
        squatter.Start();

        await using var node = NodeProcess.Start(_directory, ports, "--data", DataDirectory);
        var code = await node.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("address already in use", Assert.Single(node.StandardError), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(node.StandardOutput, line => line.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutGet_RunningNode_RoundTrips()
    {
        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--data", DataDirectory);
        await node.AwaitReadyAsync();

        using var put = await node.Data.PutAsync("/kv/greeting", new StringContent("hello", Encoding.UTF8));
        using var get = await node.Data.GetAsync("/kv/greeting");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("hello", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Restart_AfterSigkill_KeepsAcknowledgedWrites()
    {
        var ports = NodeProcess.FreePorts();
        await using (var first = NodeProcess.Start(_directory, ports, "--data", DataDirectory))
        {
            await first.AwaitReadyAsync();
            for (var i = 0; i < 20; i++)
            {
                using var put = await first.Data.PutAsync("/kv/k" + i, new StringContent("v" + i));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            await first.KillAsync();
        }

        await using var second = NodeProcess.Start(_directory, ports, "--data", DataDirectory);
        await second.AwaitReadyAsync();
        for (var i = 0; i < 20; i++)
        {
            using var get = await second.Data.GetAsync("/kv/k" + i);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("v" + i, await get.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Sigterm_RunningNode_ShutsDownCleanlyWithExitCode0()
    {
        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--data", DataDirectory);
        await node.AwaitReadyAsync();
        (await node.Data.PutAsync("/kv/before-stop", new StringContent("v"))).Dispose();

        node.Terminate();
        var code = await node.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.Contains(node.StandardOutput, line => line.Contains("Storage closed", StringComparison.Ordinal));
        Assert.Empty(node.StandardError);
    }

    [Fact]
    public async Task Sigterm_LeaderOfThree_HandsLeadershipOverAndWritesSurvive()
    {
        var ports = NodeProcess.DistinctFreePorts(3);
        var nodes = new NodeProcess[3];
        try
        {
            for (var i = 0; i < 3; i++)
            {
                // The same list for every node, each skipping its own entry (as ops/cluster.sh passes it).
                var peers = string.Join(',', Enumerable.Range(0, 3).Select(j => $"{j}@127.0.0.1:{ports[j][2]}"));
                nodes[i] = NodeProcess.Start(_directory, ports[i], "--node-id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "--peers", peers, "--data", Path.Combine(DataDirectory, "n" + i));
            }

            foreach (var node in nodes)
            {
                await node.AwaitReadyAsync();
            }

            // Every node accepts writes: followers forward them to the leader over remoting.
            for (var i = 0; i < 3; i++)
            {
                using var put = await nodes[i].Data.PutAsync("/kv/w" + i, new StringContent("v" + i));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            var health = await nodes[0].Data.GetFromJsonAsync<JsonElement>("/_raft/health");
            var leader = nodes[0];
            foreach (var node in nodes)
            {
                if ((await node.Data.GetFromJsonAsync<JsonElement>("/_raft/health")).GetProperty("state").GetString() == "Leader")
                {
                    leader = node;
                }
            }

            leader.Terminate();
            Assert.Equal(0, await leader.WaitForExitAsync());
            Assert.Contains(leader.StandardOutput, line => line.Contains("Leadership handed over", StringComparison.Ordinal));
            foreach (var node in nodes.Where(n => n != leader))
            {
                await node.AwaitReadyAsync();
                for (var i = 0; i < 3; i++)
                {
                    using var get = await node.Data.GetAsync("/kv/w" + i);
                    Assert.Equal(HttpStatusCode.OK, get.StatusCode);
                    Assert.Equal("v" + i, await get.Content.ReadAsStringAsync());
                }
            }

            using var after = await nodes.First(n => n != leader).Data.PutAsync("/kv/after", new StringContent("v"));
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal(0, health.GetProperty("node_id").GetInt64());
        }
        finally
        {
            foreach (var node in nodes.Where(n => n is not null))
            {
                await node.DisposeAsync();
            }
        }
    }
}
