using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>
/// INTERFACE.md §7 and issue #6 §5 end to end: <c>pbm</c> (the built client, as a process) against a live 3-node
/// cluster, and bad input of every kind answered with its error while the node keeps serving.
/// </summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeEndToEndTests : IAsyncLifetime
{
    private static readonly string PbmDll = Path.Combine(AppContext.BaseDirectory, "LithairAkka.Cmd.Client.dll");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-e2e-" + Guid.NewGuid().ToString("N"));
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
    public async Task Pbm_LiveClusterOfThree_ShowLeaderStatusResyncLeave()
    {
        var ports = NodeProcess.DistinctFreePorts(3);
        var peers = string.Join(",", ports.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{p[2]}")));
        for (var i = 0; i < 3; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            // A low snapshot threshold, so that the leader has a snapshot to resync a follower from.
            var environment = new Dictionary<string, string> { ["LITHAIR_SNAPSHOT_THRESHOLD"] = "10" };
            _nodes.Add(NodeProcess.Start(_directory, ports[i], environment, "--node-id", id, "--peers", peers, "--data", Path.Combine(_directory, "node-" + id)));
        }

        foreach (var node in _nodes)
        {
            await node.AwaitReadyAsync();
        }

        for (var i = 0; i < 30; i++)
        {
            using var write = await _nodes[i % 3].Data.PutAsync("/kv/k" + i.ToString(CultureInfo.InvariantCulture), new StringContent("v"));
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        // The membership view converges after readiness of the last node: wait for three Up lines.
        var show = await AwaitPbmAsync(ports[0][3], o => o.Contains("Count: 3 nodes", StringComparison.Ordinal) && CountUp(o) == 3, "cluster", "show");
        Assert.Equal(3, show.Split('\n').Count(l => l.Contains("| [node-id-", StringComparison.Ordinal) && l.Contains("| up | reachable |", StringComparison.Ordinal)));

        var (leaderCode, leaderOut, _) = await PbmAsync(ports[1][3], "cluster", "leader");
        Assert.Equal(0, leaderCode);
        Assert.StartsWith("akka.tcp://lithair@127.0.0.1:", leaderOut.Trim(), StringComparison.Ordinal);

        var statuses = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            var (code, json, error) = await PbmAsync(ports[i][3], "--json", "replication", "status");
            Assert.True(code == 0, error);
            statuses.Add(JsonDocument.Parse(json.Trim()).RootElement.Clone());
        }

        var leader = statuses.Single(s => s.GetProperty("role").GetString() == "Leader");
        var leaderIndex = int.Parse(leader.GetProperty("node").GetString()!, CultureInfo.InvariantCulture);
        Assert.All(statuses, s => Assert.Equal(leader.GetProperty("node").GetString(), s.GetProperty("leader").GetString()));
        var follower = (leaderIndex + 1) % 3;

        // The snapshot is taken in the background once the threshold is passed: retry until the leader has one.
        var resync = await AwaitPbmAsync(ports[leaderIndex][3], _ => true, "--json", "replication", "force-resync", $"127.0.0.1:{ports[follower][2]}");
        Assert.Equal("true", JsonDocument.Parse(resync.Trim()).RootElement.GetProperty("success").GetString());

        // On a follower the same command fails with one line and exit code 1.
        var (notLeaderCode, _, notLeaderError) = await PbmAsync(ports[follower][3], "replication", "force-resync", $"127.0.0.1:{ports[leaderIndex][2]}");
        Assert.Equal(1, notLeaderCode);
        Assert.Single(notLeaderError.Trim().Split('\n'));

        // cluster leave: the member leaves, its process exits 0, the others see two members.
        var (leaveCode, _, leaveError) = await PbmAsync(ports[leaderIndex][3], "cluster", "leave", $"127.0.0.1:{ports[follower][2]}");
        Assert.True(leaveCode == 0, leaveError);
        Assert.Equal(0, await _nodes[follower].WaitForExitAsync());
        await AwaitPbmAsync(ports[leaderIndex][3], o => o.Contains("Count: 2 nodes", StringComparison.Ordinal), "cluster", "show");
        using var put = await _nodes[leaderIndex].Data.PutAsync("/kv/after-leave", new StringContent("v"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task BadInput_EveryKind_AnsweredWithItsErrorAndTheNodeKeepsServing()
    {
        var ports = NodeProcess.FreePorts();
        var environment = new Dictionary<string, string> { ["LITHAIR_MAX_VALUE_SIZE"] = "1KiB", ["LITHAIR_ADMIN_TOKEN"] = "s3cret" };
        var node = NodeProcess.Start(_directory, ports, environment, "--data", Path.Combine(_directory, "bad-input"));
        _nodes.Add(node);
        await node.AwaitReadyAsync();

        await ExpectErrorAsync(node.Data, HttpMethod.Get, "/no/such/route", HttpStatusCode.NotFound, json: false);
        await ExpectErrorAsync(node.Management, HttpMethod.Get, "/no/such/route", HttpStatusCode.NotFound, json: false);
        await ExpectErrorAsync(node.Data, HttpMethod.Put, "/kv/" + new string('k', 1025), HttpStatusCode.BadRequest);
        await ExpectErrorAsync(node.Data, HttpMethod.Put, "/kv/k?if-version=abc", HttpStatusCode.BadRequest);
        await ExpectErrorAsync(node.Data, HttpMethod.Get, "/kv/k?consistency=sometimes", HttpStatusCode.BadRequest);
        await ExpectErrorAsync(node.Data, HttpMethod.Get, "/kv?prefix=a&limit=-1", HttpStatusCode.BadRequest);
        await ExpectErrorAsync(node.Data, HttpMethod.Put, "/kv/big", HttpStatusCode.RequestEntityTooLarge, body: new string('x', 2048));
        await ExpectErrorAsync(node.Data, HttpMethod.Post, "/_raft/force-resync?target=127.0.0.1:1", HttpStatusCode.Unauthorized);
        await ExpectErrorAsync(node.Data, HttpMethod.Post, "/_raft/force-resync?target=127.0.0.1:1", HttpStatusCode.Forbidden, token: "wrong");
        await ExpectErrorAsync(node.Data, HttpMethod.Post, "/_raft/transfer-leadership?target=1", HttpStatusCode.Forbidden, token: "wrong");

        // pbm: an unknown flag and an unknown command are usage errors (2), a bad address a failed command (1).
        Assert.Equal(2, (await PbmAsync(ports[3], "--bogus", "node", "info")).ExitCode);
        Assert.Equal(2, (await PbmAsync(ports[3], "frobnicate")).ExitCode);
        var (badAddressCode, _, badAddressError) = await PbmAsync(ports[3], "cluster", "leave", "not-an-address");
        Assert.Equal(1, badAddressCode);
        Assert.Contains("is not a member address", badAddressError, StringComparison.Ordinal);

        Assert.False(node.HasExited);
        using var put = await node.Data.PutAsync("/kv/still-serving", new StringContent("yes", Encoding.UTF8));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("yes", await node.Data.GetStringAsync("/kv/still-serving"));
        using var ready = await node.Management.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task ExpectErrorAsync(
        HttpClient client, HttpMethod method, string path, HttpStatusCode expected, string? body = null, string? token = null, bool json = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        if (json)
        {
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()), text);
        }
    }

    private static int CountUp(string output) =>
        output.Split('\n').Count(l => l.Contains("| up | reachable |", StringComparison.Ordinal));

    // Runs a pbm command until its output satisfies the condition (membership views converge), bounded by a deadline.
    private static async Task<string> AwaitPbmAsync(int port, Func<string, bool> condition, params string[] command)
    {
        using var deadline = new CancellationTokenSource(NodeProcess.Deadline);
        while (true)
        {
            var (code, output, _) = await PbmAsync(port, command);
            if (code == 0 && condition(output))
            {
                return output;
            }

            Assert.False(deadline.IsCancellationRequested, $"pbm {string.Join(' ', command)} never satisfied the condition; last output:\n{output}");

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(200, deadline.Token);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> PbmAsync(int port, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(PbmDll);
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"));
        foreach (var word in command)
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(NodeProcess.Deadline);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
