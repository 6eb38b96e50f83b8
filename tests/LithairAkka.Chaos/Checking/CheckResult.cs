using System.Globalization;
using System.Text;

namespace LithairAkka.Chaos.Checking;

/// <summary>The verdict on a whole history: the worst of its keys' verdicts.</summary>
/// <param name="Verdict"><see cref="Verdict.NotLinearizable"/> if any key fails, else <see cref="Verdict.Unknown"/> if any key ran out of budget, else linearizable.</param>
/// <param name="Keys">One result per key, in ordinal key order.</param>
public sealed record CheckResult(Verdict Verdict, IReadOnlyList<KeyCheckResult> Keys)
{
    /// <summary>Total operations that reached the model over all keys.</summary>
    public int Operations => Keys.Sum(k => k.Operations);

    /// <summary>
    /// A readable report: the verdict with counts, one line per key that is not linearizable or undecided (a run
    /// with rotating keys has hundreds of linearizable ones), then each counterexample.
    /// </summary>
    /// <returns>The text, ending with a newline.</returns>
    public string Format()
    {
        var text = new StringBuilder();
        var failing = Keys.Count(k => k.Verdict == Verdict.NotLinearizable);
        var unknown = Keys.Count(k => k.Verdict == Verdict.Unknown);
        text.Append(CultureInfo.InvariantCulture, $"verdict: {Describe(Verdict)} ({Operations} operations, {Keys.Count} keys: {Keys.Count - failing - unknown} linearizable, {failing} not, {unknown} undecided)\n");
        foreach (var key in Keys.Where(k => k.Verdict != Verdict.Linearizable))
        {
            text.Append(CultureInfo.InvariantCulture, $"  key {key.Key}: {Describe(key.Verdict)}, {key.Operations} operations, {key.Steps} steps\n");
        }

        foreach (var key in Keys.Where(k => k.Counterexample is not null))
        {
            text.Append('\n').Append(key.Counterexample!.Format());
        }

        return text.ToString();
    }

    /// <summary>The verdict in words.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>"linearizable", "NOT linearizable" or "unknown (step budget exhausted)".</returns>
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Linearizable => "linearizable",
        Verdict.NotLinearizable => "NOT linearizable",
        _ => "unknown (step budget exhausted)",
    };
}
