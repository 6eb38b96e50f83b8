namespace LithairAkka.Chaos.Checking;

/// <summary>The verdict on one key's sub-history.</summary>
/// <param name="Key">The key.</param>
/// <param name="Verdict">Linearizable, not, or unknown (budget exhausted).</param>
/// <param name="Operations">Operations of the key that reached the model (failed ones and indeterminate reads are dropped).</param>
/// <param name="Steps">Search steps spent on the full sub-history.</param>
/// <param name="Counterexample">A minimal failing sub-history when <see cref="Verdict.NotLinearizable"/> and shrinking is on.</param>
public sealed record KeyCheckResult(string Key, Verdict Verdict, int Operations, long Steps, Counterexample? Counterexample);
