using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Nemesis;
using LithairAkka.Chaos.Workload;

namespace LithairAkka.Chaos.Reporting;

/// <summary>
/// The totals of one chaos run, written as <c>summary.json</c> beside its history so that runs can be added up later
/// (<see cref="RunTotals"/>): operations by outcome, faults injected and skipped by kind, the checker's verdict, and
/// availability outside and during the fault windows.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record RunSummary
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Cluster size.</summary>
    public required int Nodes { get; init; }

    /// <summary>Planned length of the run in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Operations by outcome.</summary>
    public required WorkloadSummary Operations { get; init; }

    /// <summary>Fault windows injected, by <see cref="NemesisFaultKind"/> name.</summary>
    public required IReadOnlyDictionary<string, int> FaultsInjected { get; init; }

    /// <summary>Scheduled faults not injected because the machine cannot (e.g. no libfaketime), by kind name.</summary>
    public required IReadOnlyDictionary<string, int> FaultsSkipped { get; init; }

    /// <summary>Nemesis commands that failed (logged in <c>nemesis.jsonl</c>); leader look-ups that found none included.</summary>
    public required int FailedNemesisCommands { get; init; }

    /// <summary>Nodes found not ready long after their last fault and started again (e.g. downed by the split-brain resolver and exited).</summary>
    public int NodesRevived { get; init; }

    /// <summary>The checker's verdict on the whole history: <c>Linearizable</c>, <c>NotLinearizable</c> or <c>Unknown</c>.</summary>
    public required string Verdict { get; init; }

    /// <summary>Keys checked.</summary>
    public required int Keys { get; init; }

    /// <summary>Keys whose history is not linearizable.</summary>
    public required int Violations { get; init; }

    /// <summary>Keys the checker could not decide within its step budget.</summary>
    public required int Undecided { get; init; }

    /// <summary>Operations invoked outside every fault window (and its grace period), and how many got a definite answer.</summary>
    public required Availability Outside { get; init; }

    /// <summary>Operations invoked during a fault window or its grace period, and how many got a definite answer.</summary>
    public required Availability During { get; init; }

    /// <summary>Builds the summary of a finished run.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="nodes">Cluster size.</param>
    /// <param name="seconds">Planned length.</param>
    /// <param name="operations">Operations by outcome.</param>
    /// <param name="nemesis">The finished nemesis.</param>
    /// <param name="result">The checker's result.</param>
    /// <param name="outside">Availability outside the windows.</param>
    /// <param name="during">Availability during them.</param>
    /// <returns>The summary.</returns>
    public static RunSummary Of(int seed, int nodes, double seconds, WorkloadSummary operations, NemesisRunner nemesis, CheckResult result, Availability outside, Availability during) => new()
    {
        Seed = seed,
        Nodes = nodes,
        Seconds = seconds,
        Operations = operations,
        FaultsInjected = nemesis.Windows.GroupBy(w => w.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        FaultsSkipped = nemesis.Skipped.GroupBy(k => k.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        FailedNemesisCommands = nemesis.Events.Count(e => e.Error is not null),
        NodesRevived = nemesis.Revived.Count,
        Verdict = result.Verdict.ToString(),
        Keys = result.Keys.Count,
        Violations = result.Keys.Count(k => k.Verdict == Checking.Verdict.NotLinearizable),
        Undecided = result.Keys.Count(k => k.Verdict == Checking.Verdict.Unknown),
        Outside = outside,
        During = during,
    };

    /// <summary>Reads a <c>summary.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="FormatException">The file is not a run summary.</exception>
    public static RunSummary Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(path), Json) ?? throw new FormatException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} is not a chaos run summary: {e.Message}", e);
        }
    }

    /// <summary>Writes it as indented JSON.</summary>
    /// <param name="path">The file (replaced).</param>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>One readable paragraph of the run's totals.</summary>
    /// <returns>The text, ending with a newline.</returns>
    public string Format()
    {
        var o = Operations;
        var faults = FaultsInjected.Count == 0 ? "none" : string.Join(", ", FaultsInjected.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
        var skipped = FaultsSkipped.Count == 0 ? string.Empty : "; skipped " + string.Join(", ", FaultsSkipped.Select(f => $"{f.Key} {f.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            totals: {o.Operations} operations (ok {o.Ok}, not-found {o.NotFound}, conflict {o.Conflict}, indeterminate {o.Indeterminate}, failed {o.Failed})
              faults injected {FaultsInjected.Values.Sum()}: {faults}{skipped}; failed nemesis commands {FailedNemesisCommands}; nodes revived {NodesRevived}
              verdict {Verdict}: {Keys} keys, violations {Violations}, undecided {Undecided}
              availability outside fault windows {Outside.Ratio:P2} ({Outside.Answered}/{Outside.Operations}), during {During.Ratio:P2} ({During.Answered}/{During.Operations})

            """);
    }
}
