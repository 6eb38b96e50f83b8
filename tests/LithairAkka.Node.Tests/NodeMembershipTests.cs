using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LithairAkka.Node.Tests;

/// <summary>
/// Voters follow cluster membership, across node processes and under a write load: a fourth node started with
/// <c>lithair.node.join = on</c> is added as a learner and promoted to voter, and when it leaves (SIGTERM) it is
/// removed again; no acknowledged write is lost on the way.
/// </summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeMembershipTests : IAsyncLifetime
{
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly string PbmDll = Path.Combine(AppContext.BaseDirectory, "LithairAkka.Cmd.Client.dll");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-membership-" + Guid.NewGuid().ToString("N"));
    private readonly NodeProcess?[] _nodes = new NodeProcess?[4];
    private readonly int[][] _ports = NodeProcess.DistinctFreePorts(4);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
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
            // A stopped node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    [Fact]
    public async Task JoinAndLeave_FourthNodeUnderLoad_PromotedToVoterThenRemovedNoAcknowledgedWriteLost()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var founders = string.Join(",", Enumerable.Range(0, 3).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}@127.0.0.1:{_ports[i][2]}")));
        for (var i = 0; i < 3; i++)
        {
            _nodes[i] = Start(i, founders, join: false);
        }

        foreach (var node in _nodes.Take(3))
        {
            await node!.AwaitReadyAsync();
        }

        await AwaitVotersAsync("0,1,2", deadline.Token);

        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() => WriteUntilStoppedAsync(w, acknowledged, stop.Token))).ToArray();
        await AwaitAsync(() => acknowledged.Count >= 20, deadline.Token);

        _nodes[3] = Start(3, founders, join: true);
        await AwaitVotersAsync("0,1,2,3", deadline.Token);
        var afterJoin = acknowledged.Count;
        await AwaitAsync(() => acknowledged.Count >= afterJoin + 20, deadline.Token);

        _nodes[3]!.Terminate();
        Assert.Equal(0, await _nodes[3]!.WaitForExitAsync());
        await AwaitVotersAsync("0,1,2", deadline.Token);
        var afterLeave = acknowledged.Count;
        await AwaitAsync(() => acknowledged.Count >= afterLeave + 20, deadline.Token);

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        foreach (var (key, value) in acknowledged)
        {
            using var get = await _nodes[0]!.Data.GetAsync("/kv/" + key, deadline.Token);
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"acknowledged write {key} is missing: {get.StatusCode}");
            Assert.Equal(value, await get.Content.ReadAsStringAsync(deadline.Token));
        }
    }

    private NodeProcess Start(int i, string founders, bool join)
    {
        var config = Path.Combine(_directory, join ? "join.conf" : "node.conf");
        // The node's own node.conf (ports from the environment), then the test's settings.
        File.WriteAllText(config, "include \"" + Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") + "\"\n" + (join ? "lithair.node.join = on\n" : string.Empty));
        var id = i.ToString(CultureInfo.InvariantCulture);
        return NodeProcess.Start(_directory, _ports[i], "--config", config, "--node-id", id, "--peers", founders, "--data", Path.Combine(_directory, "node-" + id));
    }

    // Waits until every running founder's group reports exactly these voters and no learner.
    private async Task AwaitVotersAsync(string voters, CancellationToken token)
    {
        string last = string.Empty;
        while (true)
        {
            var agreed = true;
            for (var i = 0; i < 3 && agreed; i++)
            {
                var (code, output) = await PbmAsync(_ports[i][3], "replication", "status", "--json");
                last = output;
                if (code != 0)
                {
                    agreed = false;
                    continue;
                }

                using var status = JsonDocument.Parse(output);
                agreed = status.RootElement.GetProperty("voters").GetString() == voters
                    && string.IsNullOrEmpty(status.RootElement.GetProperty("learners").GetString());
            }

            if (agreed)
            {
                return;
            }

            Assert.False(token.IsCancellationRequested, $"voters never became {voters}; last status:\n{last}");

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(200, token);
        }
    }

    private async Task WriteUntilStoppedAsync(int writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"w{writer}-{n}");
            var value = "value-" + key;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(RequestTimeout);
            try
            {
                using var put = await _nodes[(writer + n) % 3]!.Data.PutAsync("/kv/" + key, new StringContent(value), timeout.Token);
                if (put.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[key] = value;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Unanswered: neither acknowledged nor counted.
            }
        }
    }

    private static async Task<(int ExitCode, string Stdout)> PbmAsync(int port, params string[] command)
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
        _ = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(NodeProcess.Deadline);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout);
    }

    private static async Task AwaitAsync(Func<bool> condition, CancellationToken token)
    {
        while (!condition())
        {
            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(50, token);
        }
    }
}
