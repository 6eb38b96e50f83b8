using System.Diagnostics.Metrics;
using LithairAkka.Management.Groups;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Management.Metrics;

/// <summary>
/// The node's instruments on one <see cref="Meter"/>: HTTP request counts and latencies (recorded by the servers) and
/// the replication group's figures (commit and applied index, term, leadership, per-follower lag, elections, snapshot
/// transfers), observed from the last <see cref="RefreshAsync"/>.
/// </summary>
/// <remarks>Thread-safe. Dispose it to release the meter.</remarks>
public sealed class NodeMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "LithairAkka.Node";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private Sample _sample = new(null, null, null, 0);

    /// <summary>Creates the instruments.</summary>
    public NodeMetrics()
    {
        Meter = new Meter(MeterName);
        _requests = Meter.CreateCounter<long>("lithair_http_requests", description: "HTTP requests answered, by route, method and status code.");
        _latency = Meter.CreateHistogram<double>(
            "lithair_http_request_duration_seconds", unit: "s", description: "HTTP request latency in seconds, by route and method.");
        Meter.CreateObservableGauge("lithair_raft_commit_index", () => Gauge(s => s.CommitIndex), description: "Highest log index known committed.");
        Meter.CreateObservableGauge("lithair_raft_applied_index", () => Gauge(s => s.AppliedIndex), description: "Highest log index applied to the state machine.");
        Meter.CreateObservableGauge("lithair_raft_term", () => Gauge(s => s.Term), description: "Current Raft term.");
        Meter.CreateObservableGauge(
            "lithair_raft_is_leader", () => Gauge(s => s.Role == NodeRole.Leader ? 1 : 0), description: "1 while this node leads the group.");
        Meter.CreateObservableGauge("lithair_raft_follower_lag", FollowerLag, description: "Entries a follower is behind the leader's log (on the leader).");
        Meter.CreateObservableCounter(
            "lithair_raft_elections", () => Volatile.Read(ref _sample).Elections, description: "Elections seen by this node since it started (term increases).");
        Meter.CreateObservableCounter("lithair_snapshot_created", () => Snapshot(c => c.SnapshotsCreated), description: "Snapshots taken locally.");
        Meter.CreateObservableCounter("lithair_snapshot_installed", () => Snapshot(c => c.SnapshotsInstalled), description: "Snapshots received from a leader and installed.");
        Meter.CreateObservableCounter("lithair_snapshot_transfers", SnapshotTransfers, description: "Snapshot transfers to followers, by result.");
    }

    /// <summary>The meter holding every instrument.</summary>
    public Meter Meter { get; }

    /// <summary>Records one answered HTTP request.</summary>
    /// <param name="route">The route template (bounded cardinality), not the raw path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="status">The status code sent.</param>
    /// <param name="elapsed">Time from the request's start to its answer.</param>
    public void RecordRequest(string route, string method, int status, TimeSpan elapsed)
    {
        _requests.Add(1, new("route", route), new("method", method), new("code", status));
        _latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("route", route), new("method", method));
    }

    /// <summary>Samples the group (status, followers on a leader, snapshot counters); called before each scrape.</summary>
    /// <param name="client">The client of the local group.</param>
    /// <param name="token">Cancels the sampling.</param>
    internal async Task RefreshAsync(GroupClient client, CancellationToken token)
    {
        var status = await client.StatusAsync(token).ConfigureAwait(false);
        var sync = status?.Role == NodeRole.Leader
            ? await client.AskLocalAsync(GetSyncStatus.Instance, token).ConfigureAwait(false) as SyncStatus
            : null;
        var counters = await client.AskLocalAsync(GetSnapshotCounters.Instance, token).ConfigureAwait(false) as SnapshotCounters;
        var previous = Volatile.Read(ref _sample);
        var elections = previous.Elections;
        if (status is not null && previous.Status is { } before && status.Term > before.Term)
        {
            elections += status.Term - before.Term;
        }

        var followers = sync?.Followers.Select(f => (client.Directory.Describe(f.Node), f.Lag)).ToArray();
        Volatile.Write(ref _sample, new Sample(status ?? previous.Status, followers, counters ?? previous.Counters, elections));
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> Gauge(Func<RaftStatus, long> read) =>
        Volatile.Read(ref _sample).Status is { } status ? [new Measurement<long>(read(status))] : [];

    private IEnumerable<Measurement<long>> Snapshot(Func<SnapshotCounters, long> read) =>
        Volatile.Read(ref _sample).Counters is { } counters ? [new Measurement<long>(read(counters))] : [];

    private IEnumerable<Measurement<long>> FollowerLag() =>
        (Volatile.Read(ref _sample).Followers ?? []).Select(f => new Measurement<long>(f.Lag, new KeyValuePair<string, object?>("follower", f.Address)));

    private IEnumerable<Measurement<long>> SnapshotTransfers()
    {
        if (Volatile.Read(ref _sample).Counters is not { } c)
        {
            return [];
        }

        return
        [
            new Measurement<long>(c.SendAttempts, new KeyValuePair<string, object?>("result", "attempt")),
            new Measurement<long>(c.SendSuccesses, new KeyValuePair<string, object?>("result", "success")),
            new Measurement<long>(c.SendFailures, new KeyValuePair<string, object?>("result", "failure")),
        ];
    }

    private sealed record Sample(RaftStatus? Status, (string Address, long Lag)[]? Followers, SnapshotCounters? Counters, long Elections);
}
