using System.Globalization;
using LithairAkka.Chaos.Reporting;

namespace LithairAkka.Chaos.Cli;

/// <summary>
/// <c>totals PATH…</c>: adds up run summaries (<c>summary.json</c> files, or directories searched for them) and prints
/// the Markdown table of <see cref="RunTotals"/>. Exit code 1 when any run had a violation, else 0.
/// </summary>
internal static class TotalsCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = new Arguments(args);
        parsed.RejectUnknown();
        if (parsed.Positional.Count == 0)
        {
            throw new FormatException("totals expects summary.json files or directories holding them.");
        }

        var files = parsed.Positional
            .SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "summary.json", SearchOption.AllDirectories)
                : File.Exists(p) ? [p] : throw new FormatException($"{p} does not exist."))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new FormatException("no summary.json found under " + string.Join(", ", parsed.Positional));
        }

        var totals = new RunTotals([.. files.Select(RunSummary.Read)]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} runs:"));
        output.Write(totals.Format());
        return totals.Violations > 0 ? 1 : 0;
    }
}
