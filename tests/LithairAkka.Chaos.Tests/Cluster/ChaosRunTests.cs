using System.Globalization;
using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Nemesis;
using LithairAkka.Chaos.Reporting;
using LithairAkka.Chaos.Workload;
using Xunit.Abstractions;

namespace LithairAkka.Chaos.Tests.Cluster;

/// <summary>
/// The CI-sized chaos run of issue #7: a real 3-node cluster started with <c>ops/cluster.sh</c> on a free port offset and
/// a temporary data directory, 8 clients on 4 hot keys for 100 s, and a bounded nemesis that SIGKILLs and restarts a node,
/// SIGKILLs the leader, SIGSTOPs a node, cuts a minority off, isolates the leader, bridges the cluster and restarts a node
/// with its wall clock skewed (where libfaketime is installed; skipped and said otherwise). The history must be
/// linearizable; the cluster is torn down whatever happens.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChaosRunTests
{
    private static readonly TimeSpan RunLength = TimeSpan.FromSeconds(100);
    private readonly ITestOutputHelper _output;

    public ChaosRunTests(ITestOutputHelper output) => _output = output;

    [Fact]
    [Trait("Category", "Chaos")]
    public async Task Run_ThreeNodesUnderNemesis_HistoryIsLinearizable()
    {
        await using var cluster = await TestCluster.StartAsync(3, _output);
        var time = TimeProvider.System;
        var seed = Random.Shared.Next(1_000_000);
        var historyPath = Path.Combine(cluster.Directory, "history.jsonl");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var operationTimeout = TimeSpan.FromSeconds(10);
        using var recorder = new HistoryRecorder(time, new StreamWriter(historyPath));
        var workload = new WorkloadGenerator(
            new WorkloadOptions
            {
                Nodes = cluster.DataAddresses,
                Clients = 8,
                Keys = 4,
                OperationsPerKey = 250,
                KeyPrefix = string.Create(CultureInfo.InvariantCulture, $"ci-{seed}-"),
                Duration = RunLength,
                OperationTimeout = operationTimeout,
                Seed = seed,
            },
            new KvHttpClient(http, time, operationTimeout),
            recorder,
            time);
        var nemesis = new NemesisRunner(cluster.Control(http), 3, new Random(seed), time, () => recorder.Now);

        // Every fault kind once. Before each fault the nemesis waits until every node is ready again (a restarted node
        // needs 5-20 s on a loaded 2-core machine), so the windows drift later than written; a window that would end
        // after the run is left unplayed, and the restarting faults come first so that they are always played.
        var schedule = new NemesisSchedule(
            [
                Fault(NemesisFaultKind.KillLeader, 5, 5),
                Fault(NemesisFaultKind.SkewClock, 12, 6),
                Fault(NemesisFaultKind.PauseNode, 20, 4),
                Fault(NemesisFaultKind.PartitionMinority, 26, 5),
                Fault(NemesisFaultKind.IsolateLeader, 33, 5),
                Fault(NemesisFaultKind.Bridge, 40, 5),
                Fault(NemesisFaultKind.KillNode, 47, 5),
            ],
            RunLength);

        var faults = nemesis.RunAsync(schedule, CancellationToken.None);
        var summary = await workload.RunAsync(CancellationToken.None);
        await faults;
        var history = recorder.Snapshot();
        var result = LinearizabilityChecker.Check(history, new CheckerOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
        var (outside, during) = Availability.Split(history, nemesis.Windows, TimeSpan.FromSeconds(5));
        var totals = RunSummary.Of(seed, 3, RunLength.TotalSeconds, summary, nemesis, result, outside, during);

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}, history {historyPath}"));
        _output.WriteLine(result.Format());
        _output.WriteLine(totals.Format());
        foreach (var e in nemesis.Events)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nemesis at {e.At}: {e.Action}{(e.Error is null ? string.Empty : " failed: " + e.Error)}"));
        }

        if (result.Verdict != Verdict.Linearizable)
        {
            // Keep the evidence: the history outlives the cluster's directory.
            var kept = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"lithair-chaos-violation-{seed}.jsonl"));
            recorder.Dispose();
            File.Copy(historyPath, kept, overwrite: true);
            _output.WriteLine("history kept at " + kept);
        }

        Assert.Equal(Verdict.Linearizable, result.Verdict);
        Assert.True(summary.Answered > 100, $"only {summary.Answered} operations got a definite answer");
        Assert.True(nemesis.Windows.Count + nemesis.Skipped.Count >= 5, $"only {nemesis.Windows.Count} faults injected and {nemesis.Skipped.Count} skipped");
        Assert.DoesNotContain(nemesis.Events, e => e.Error is not null && !e.Action.StartsWith("find leader", StringComparison.Ordinal));
    }

    private static NemesisFault Fault(NemesisFaultKind kind, int atSeconds, int seconds) =>
        new(kind, TimeSpan.FromSeconds(atSeconds), TimeSpan.FromSeconds(seconds));
}
