using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Management.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Management.Bootstrap;

/// <summary>
/// Forms or joins the cluster without a seed list, as Akka.Management's cluster bootstrap does: every
/// <see cref="ClusterBootstrapSettings.ProbeInterval"/> (plus jitter) it discovers the contact points (again every
/// <see cref="ClusterBootstrapSettings.DiscoveryInterval"/>), probes each one's <c>GET /bootstrap/seed-nodes</c> in
/// parallel, and acts on <see cref="LowestAddressJoinDecider"/>'s decision: join the seed nodes a contact point reports,
/// or form the cluster when this node is the lowest. It stops once it has issued a join (the cluster layer retries the
/// join itself) or when disposed.
/// </summary>
/// <remarks>Start once; dispose to stop. Thread-safe: the loop is the only user of the decider.</remarks>
public sealed class ClusterBootstrap : IAsyncDisposable
{
    private readonly ClusterBootstrapSettings _settings;
    private readonly LithairAkka.Cluster.Cluster _cluster;
    private readonly Func<IReadOnlyList<ContactPoint>> _discover;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<JoinDecision> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates the bootstrap of <paramref name="cluster"/>'s node.</summary>
    /// <param name="settings">The bootstrap settings.</param>
    /// <param name="cluster">The cluster this node joins.</param>
    /// <param name="discover">The contact-point discovery: the configured endpoints, or a list the node derives.</param>
    /// <param name="logger">Where progress is logged.</param>
    /// <param name="time">The clock of the pauses and of the decider.</param>
    /// <param name="handler">The HTTP handler of the probes; a new socket handler when <see langword="null"/>.</param>
    public ClusterBootstrap(
        ClusterBootstrapSettings settings,
        LithairAkka.Cluster.Cluster cluster,
        Func<IReadOnlyList<ContactPoint>> discover,
        ILogger? logger = null,
        TimeProvider? time = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(discover);
        _settings = settings;
        _cluster = cluster;
        _discover = discover;
        _log = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Completes with the join decision this bootstrap carried out.</summary>
    public Task<JoinDecision> Joined => _joined.Task;

    /// <summary>Starts the probing loop in the background.</summary>
    public void Start()
    {
        var first = _discover();
        BootstrapLog.Started(_log, _settings.ServiceName, string.Join(", ", first), _settings.RequiredContactPointNr, _settings.StableMargin);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Stops probing (a join already issued stands).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while pausing or probing.
        }

        _joined.TrySetCanceled();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken token)
    {
        var decider = new LowestAddressJoinDecider(_settings, _cluster.SelfAddress, _time);
        var lastDiscovery = DateTimeOffset.MinValue;
        string? lastReason = null;
        while (!token.IsCancellationRequested)
        {
            if (_time.GetUtcNow() - lastDiscovery >= _settings.DiscoveryInterval)
            {
                decider.OnContactPointsDiscovered(_discover());
                lastDiscovery = _time.GetUtcNow();
            }

            await Task.WhenAll(decider.Discovered.Select(c => ProbeAsync(decider, c, token))).ConfigureAwait(false);
            var decision = decider.Decide();
            switch (decision.Kind)
            {
                case JoinDecisionKind.JoinSelf:
                    BootstrapLog.JoiningSelf(_log, decision.Reason, _cluster.SelfAddress);
                    _cluster.Join(_cluster.SelfAddress);
                    _joined.TrySetResult(decision);
                    return;
                case JoinDecisionKind.JoinOtherSeedNodes:
                    BootstrapLog.JoiningSeeds(_log, decision.Reason);
                    _cluster.JoinSeedNodes(decision.SeedNodes);
                    _joined.TrySetResult(decision);
                    return;
                default:
                    if (decision.Reason != lastReason)
                    {
                        BootstrapLog.Waiting(_log, decision.Reason);
                        lastReason = decision.Reason;
                    }

                    break;
            }

            var jitter = _settings.ProbeInterval * (_settings.ProbeIntervalJitter * Random.Shared.NextDouble());
            await Task.Delay(_settings.ProbeInterval + jitter, _time, token).ConfigureAwait(false);
        }
    }

    // Records the contact point's answer in the decider; an unreachable or malformed one is simply not observed.
    private async Task ProbeAsync(LowestAddressJoinDecider decider, ContactPoint contactPoint, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(_settings.ProbingFailureTimeout);
        SeedNodesBody? body;
        try
        {
            body = await _http.GetFromJsonAsync(contactPoint.SeedNodesUri, ClusterJsonContext.Default.SeedNodesBody, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !token.IsCancellationRequested))
        {
            BootstrapLog.ProbeFailed(_log, contactPoint, ex.Message);
            return;
        }

        if (body is null || !Address.TryParse(body.SelfNode, out var self, out var rest) || rest.Length != 0)
        {
            BootstrapLog.ProbeFailed(_log, contactPoint, "the answer names no node");
            return;
        }

        var seeds = new List<Address>();
        foreach (var seed in body.SeedNodes)
        {
            if (Address.TryParse(seed.Node, out var address, out var tail) && tail.Length == 0)
            {
                seeds.Add(address);
            }
        }

        // The decider is not thread-safe; the probes of one round finish on pool threads.
        lock (decider)
        {
            decider.OnSeedNodesObserved(contactPoint, self, seeds);
        }
    }
}
