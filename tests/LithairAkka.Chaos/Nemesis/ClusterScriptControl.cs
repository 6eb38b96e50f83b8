using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// <see cref="IClusterControl"/> over <c>ops/cluster.sh</c> (INTERFACE §1): each call runs the script with one verb
/// (<c>kill</c>, <c>start</c>, <c>pause</c>, <c>resume</c>, <c>partition</c>, <c>heal</c>) and fails with the script's
/// output when it exits non-zero. The leader is found by asking each node's <c>GET /_raft/health</c> (INTERFACE §5);
/// node i is the i-th data address. With an <see cref="HttpFaultInjection"/>, partitions and heals go straight to the
/// nodes' fault-injection endpoints instead of through the script. A skewed start is <c>start</c> with
/// <c>LITHAIR_NODE_PREFIX</c> set to a <see cref="LibFaketime"/> prefix; a node's clock is read from the <c>Date</c>
/// header Kestrel stamps on its answers (it reads the same wall clock as the node's <c>TimeProvider.System</c>).
/// </summary>
/// <remarks>Calls are independent; safe to use from one task at a time.</remarks>
public sealed class ClusterScriptControl : IClusterControl
{
    private readonly string _script;
    private readonly string _workingDirectory;
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly HttpClient _http;
    private readonly HttpFaultInjection? _faults;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string? _faketime = LibFaketime.Find();
    private readonly TimeProvider _time;

    /// <summary>Creates the control.</summary>
    /// <param name="script">Path of <c>cluster.sh</c>.</param>
    /// <param name="workingDirectory">Directory the script runs in (the repository root: it keeps state under <c>./data/</c>).</param>
    /// <param name="nodes">Data API base addresses, indexed by node id.</param>
    /// <param name="http">Client for the health probes (not disposed).</param>
    /// <param name="faults">When set, partitions and heals use it rather than the script.</param>
    /// <param name="environment">Variables set for every run of the script on top of this process's own, e.g.
    /// <c>LITHAIR_CLUSTER_DIR</c> for a cluster kept outside <c>./data/</c>; none when null.</param>
    /// <param name="time">The wall clock nodes' clocks are measured against (default the system's).</param>
    public ClusterScriptControl(string script, string workingDirectory, IReadOnlyList<Uri> nodes, HttpClient http, HttpFaultInjection? faults = null, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _environment = environment ?? new Dictionary<string, string>();
        _faults = faults;
        _script = script;
        _workingDirectory = workingDirectory;
        _nodes = nodes;
        _http = http;
    }

    /// <inheritdoc />
    public Task KillAsync(int node, CancellationToken token) => RunScriptAsync(token, null, "kill", Id(node));

    /// <inheritdoc />
    public Task StartAsync(int node, CancellationToken token) => RunScriptAsync(token, null, "start", Id(node));

    /// <inheritdoc />
    public string? ClockSkewUnavailable => _faketime is null
        ? "libfaketime is not installed (Debian package faketime: apt-get install -y faketime)"
        : null;

    /// <inheritdoc />
    public Task StartSkewedAsync(int node, TimeSpan offset, CancellationToken token) => _faketime is null
        ? throw new InvalidOperationException(ClockSkewUnavailable)
        : RunScriptAsync(token, new Dictionary<string, string> { ["LITHAIR_NODE_PREFIX"] = LibFaketime.Prefix(_faketime, offset) }, "start", Id(node));

    /// <inheritdoc />
    public async Task<TimeSpan?> MeasureClockOffsetAsync(int node, CancellationToken token)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var before = _time.GetUtcNow();
            using var response = await _http.GetAsync(new Uri(_nodes[node], "_raft/health"), timeout.Token);
            var after = _time.GetUtcNow();

            // Date has whole seconds: compare with the middle of the request, rounded the same way.
            var middle = before + ((after - before) / 2);
            return response.Headers.Date is { } date ? date - middle.AddTicks(-(middle.Ticks % TimeSpan.TicksPerSecond)) : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !token.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsReadyAsync(int node, CancellationToken token)
    {
        // Every port of node i moves with the same offset (INTERFACE §2): management is HTTP + 478 (8558 − 8080).
        var data = _nodes[node];
        var ready = new UriBuilder(data) { Port = data.Port + 478, Path = "ready" }.Uri;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            using var response = await _http.GetAsync(ready, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !token.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task PauseAsync(int node, CancellationToken token) => RunScriptAsync(token, null, "pause", Id(node));

    /// <inheritdoc />
    public Task ResumeAsync(int node, CancellationToken token) => RunScriptAsync(token, null, "resume", Id(node));

    /// <inheritdoc />
    public Task PartitionAsync(IReadOnlyList<int> sideA, IReadOnlyList<int> sideB, CancellationToken token) =>
        _faults?.PartitionAsync(sideA, sideB, token)
        ?? RunScriptAsync(token, null, "partition", string.Join(',', sideA.Select(Id)), string.Join(',', sideB.Select(Id)));

    /// <inheritdoc />
    public Task HealAsync(CancellationToken token) => _faults?.HealAsync(token) ?? RunScriptAsync(token, null, "heal");

    /// <inheritdoc />
    public async Task<int?> FindLeaderAsync(CancellationToken token)
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromSeconds(1));
                await using var body = await _http.GetStreamAsync(new Uri(_nodes[i], "_raft/health"), timeout.Token);
                using var health = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
                if (health.RootElement.TryGetProperty("state", out var state) && state.GetString() == "Leader")
                {
                    return i;
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !token.IsCancellationRequested)
            {
                // A node that is down, paused or cut off is simply not the leader we can see.
            }
        }

        return null;
    }

    private static string Id(int node) => node.ToString(CultureInfo.InvariantCulture);

    private async Task RunScriptAsync(CancellationToken token, Dictionary<string, string>? extraEnvironment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in extraEnvironment is null ? _environment : _environment.Concat(extraEnvironment))
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {_script}.");
        var output = process.StandardOutput.ReadToEndAsync(token);
        var error = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        if (process.ExitCode != 0)
        {
            var text = ((await output) + (await error)).Trim();
            throw new InvalidOperationException($"{_script} {string.Join(' ', arguments)} exited {process.ExitCode}: {text}");
        }
    }
}
