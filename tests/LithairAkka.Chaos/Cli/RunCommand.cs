using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Nemesis;
using LithairAkka.Chaos.Reporting;
using LithairAkka.Chaos.Workload;

namespace LithairAkka.Chaos.Cli;

/// <summary>
/// <c>run [--nodes N] [--seconds S] [--clients C] [--keys K] [--ops-per-key N] [--seed S] [--out DIR] [--cluster-script PATH] [--port-offset K] [--faults KIND,…] [--no-nemesis] [--direct-faults]</c>:
/// runs the workload against a cluster started by <c>ops/cluster.sh</c> while the nemesis injects faults, writes
/// <c>history.jsonl</c> and <c>nemesis.jsonl</c> under the output directory, checks the history, prints the totals and
/// writes them as <c>summary.json</c> (<see cref="RunSummary"/>). <c>--faults</c> limits the nemesis to some kinds, named
/// in kebab case (<c>kill-node,kill-leader,pause-node,partition-minority,isolate-leader,bridge,skew-clock</c>).
/// <c>--port-offset</c> is the offset the cluster was started with (<c>ops/cluster.sh up --port-offset K</c>): node i answers
/// HTTP on 8080+K+i, management on 8558+K+i and remoting on 4053+K+i.
/// <c>--direct-faults</c> partitions through the nodes' <c>/_fault/*</c> endpoints instead of <c>cluster.sh partition</c>.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions EventJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken token)
    {
        var parsed = new Arguments(args, "--no-nemesis", "--direct-faults");
        parsed.RejectUnknown("--nodes", "--seconds", "--clients", "--keys", "--ops-per-key", "--seed", "--out", "--cluster-script", "--timeout-ms", "--port-offset", "--faults");
        var kinds = ParseKinds(parsed.String("--faults", string.Empty));
        var nodeCount = parsed.Int("--nodes", 3, 3, 9);
        var seconds = parsed.Double("--seconds", 60);
        var portOffset = parsed.Int("--port-offset", 0, 0, 20000);
        var seed = parsed.Int("--seed", Environment.TickCount & 0xFFFF, 0, int.MaxValue);
        var outDir = Path.GetFullPath(parsed.String("--out", Path.Combine("data", "chaos", seed.ToString(CultureInfo.InvariantCulture))));
        var script = Path.GetFullPath(parsed.String("--cluster-script", Path.Combine("ops", "cluster.sh")));
        if (!File.Exists(script))
        {
            throw new FormatException($"{script} does not exist: the chaos run needs ops/cluster.sh to drive the cluster.");
        }

        var nodes = Enumerable.Range(0, nodeCount)
            .Select(i => new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{8080 + portOffset + i}/")))
            .ToList();
        Directory.CreateDirectory(outDir);
        var time = TimeProvider.System;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var recorder = new HistoryRecorder(time, new StreamWriter(Path.Combine(outDir, "history.jsonl")));
        var workload = new WorkloadGenerator(
            new WorkloadOptions
            {
                Nodes = nodes,
                Clients = parsed.Int("--clients", 8, 1, 256),
                Keys = parsed.Int("--keys", 4, 1, 1000),
                OperationsPerKey = parsed.Int("--ops-per-key", 250, 1, int.MaxValue),
                KeyPrefix = string.Create(CultureInfo.InvariantCulture, $"chaos-{seed}-"),
                Duration = TimeSpan.FromSeconds(seconds),
                OperationTimeout = TimeSpan.FromMilliseconds(parsed.Int("--timeout-ms", 5000, 100, 600_000)),
                Seed = seed,
            },
            new KvHttpClient(http, time, TimeSpan.FromMilliseconds(parsed.Int("--timeout-ms", 5000, 100, 600_000))),
            recorder,
            time);
        var control = new ClusterScriptControl(
                script,
                Path.GetDirectoryName(Path.GetDirectoryName(script))!,
                nodes,
                http,
                parsed.Has("--direct-faults") ? new HttpFaultInjection(http, nodeCount, managementBase: 8558 + portOffset, remotingBase: 4053 + portOffset) : null);
        var nemesis = new NemesisRunner(
            control,
            nodeCount,
            new Random(seed),
            time,
            () => recorder.Now);
        var schedule = parsed.Has("--no-nemesis")
            ? new NemesisSchedule([], TimeSpan.FromSeconds(seconds))
            : NemesisSchedule.Generate(new NemesisScheduleOptions { Nodes = nodeCount, Total = TimeSpan.FromSeconds(seconds), Kinds = kinds }, new Random(seed));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chaos run: seed {seed}, {nodeCount} nodes, {seconds} s, {schedule.Faults.Count} faults scheduled, output {outDir}"));
        if (schedule.Faults.Any(f => f.Kind == NemesisFaultKind.SkewClock) && control.ClockSkewUnavailable is { } noSkew)
        {
            output.WriteLine("clock-skew faults will be skipped: " + noSkew);
        }

        var faults = nemesis.RunAsync(schedule, token);
        var summary = await workload.RunAsync(token);
        await faults;
        await File.WriteAllLinesAsync(Path.Combine(outDir, "nemesis.jsonl"), nemesis.Events.Select(e => JsonSerializer.Serialize(e, EventJson)), token);

        var history = recorder.Snapshot();
        var result = LinearizabilityChecker.Check(history, new CheckerOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
        var (outside, during) = Availability.Split(history, nemesis.Windows, TimeSpan.FromSeconds(5));
        var totals = RunSummary.Of(seed, nodeCount, seconds, summary, nemesis, result, outside, during);
        totals.Write(Path.Combine(outDir, "summary.json"));
        output.Write(result.Format());
        output.Write(totals.Format());
        if (summary.Answered == 0)
        {
            output.WriteLine("no operation got a definite answer: the cluster was not serving, so nothing was checked");
            return 3;
        }

        return CheckCommand.ExitCode(result.Verdict);
    }

    private static IReadOnlyList<NemesisFaultKind> ParseKinds(string text)
    {
        if (text.Length == 0)
        {
            return Enum.GetValues<NemesisFaultKind>();
        }

        var byName = Enum.GetValues<NemesisFaultKind>().ToDictionary(Kebab, StringComparer.Ordinal);
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            byName.TryGetValue(name, out var kind)
                ? kind
                : throw new FormatException($"--faults: unknown fault '{name}' (known: {string.Join(", ", byName.Keys)})."))];
    }

    private static string Kebab(NemesisFaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
