using System.Globalization;
using System.Text;
using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Reporting;

/// <summary>
/// Totals over many chaos runs, for the README: runs (by cluster size), operations, faults injected by kind,
/// violations, and availability outside and during fault windows, pooled over every operation of every run.
/// </summary>
/// <param name="Runs">The runs added up.</param>
/// <remarks>Immutable.</remarks>
public sealed record RunTotals(IReadOnlyList<RunSummary> Runs)
{
    /// <summary>Operations of every run.</summary>
    public long Operations => Runs.Sum(r => (long)r.Operations.Operations);

    /// <summary>Operations of every run with a definite answer (ok, not found, 409).</summary>
    public long Answered => Runs.Sum(r => (long)r.Operations.Answered);

    /// <summary>Indeterminate operations of every run.</summary>
    public long Indeterminate => Runs.Sum(r => (long)r.Operations.Indeterminate);

    /// <summary>Faults injected, by kind name, over every run.</summary>
    public IReadOnlyDictionary<string, int> FaultsInjected => Sum(r => r.FaultsInjected);

    /// <summary>Faults skipped, by kind name, over every run.</summary>
    public IReadOnlyDictionary<string, int> FaultsSkipped => Sum(r => r.FaultsSkipped);

    /// <summary>Keys found not linearizable, over every run (must be 0).</summary>
    public int Violations => Runs.Sum(r => r.Violations);

    /// <summary>Keys left undecided, over every run.</summary>
    public int Undecided => Runs.Sum(r => r.Undecided);

    /// <summary>Pooled availability outside fault windows.</summary>
    public Availability Outside => new(Runs.Sum(r => r.Outside.Operations), Runs.Sum(r => r.Outside.Answered));

    /// <summary>Pooled availability during fault windows.</summary>
    public Availability During => new(Runs.Sum(r => r.During.Operations), Runs.Sum(r => r.During.Answered));

    /// <summary>A Markdown table of the totals, one row per cluster size and one for all runs.</summary>
    /// <returns>The table, ending with a newline.</returns>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append("| cluster | runs | minutes | operations | indeterminate | faults injected | violations | availability outside faults | during faults |\n");
        text.Append("|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        foreach (var group in Runs.GroupBy(r => r.Nodes).OrderBy(g => g.Key))
        {
            Row(text, string.Create(CultureInfo.InvariantCulture, $"{group.Key} nodes"), new RunTotals([.. group]));
        }

        if (Runs.Select(r => r.Nodes).Distinct().Count() > 1)
        {
            Row(text, "all", this);
        }

        var kinds = FaultsInjected.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}");
        text.Append(CultureInfo.InvariantCulture, $"\nFaults by kind: {string.Join(", ", kinds)}");
        if (FaultsSkipped.Count > 0)
        {
            text.Append("; skipped: ").Append(string.Join(", ", FaultsSkipped.Select(f => $"{f.Key} {f.Value}")));
        }

        text.Append(CultureInfo.InvariantCulture, $". Undecided keys: {Undecided}.\n");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, RunTotals totals) => text.Append(CultureInfo.InvariantCulture, $"| {label} | {totals.Runs.Count} | {totals.Runs.Sum(r => r.Seconds) / 60:0.#} | {totals.Operations} | {totals.Indeterminate} | {totals.FaultsInjected.Values.Sum()} | {totals.Violations} | {totals.Outside.Ratio:P2} | {totals.During.Ratio:P2} |\n");

    private Dictionary<string, int> Sum(Func<RunSummary, IReadOnlyDictionary<string, int>> select)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in Runs.SelectMany(select))
        {
            sums[kind] = sums.GetValueOrDefault(kind) + count;
        }

        return sums;
    }
}
