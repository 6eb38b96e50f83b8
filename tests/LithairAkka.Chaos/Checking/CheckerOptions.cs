using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>Settings of <see cref="LinearizabilityChecker.Check"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record CheckerOptions
{
    /// <summary>The defaults: keys start absent, 20 M steps per key, shrinking on, one key at a time.</summary>
    public static CheckerOptions Default { get; } = new();

    /// <summary>What is assumed about each key before its first operation (default <see cref="InitialState.Absent"/>).</summary>
    public InitialState Initial { get; init; } = InitialState.Absent;

    /// <summary>Search steps allowed per key before the key's verdict is <see cref="Verdict.Unknown"/> (default 20 000 000).</summary>
    public long StepBudget { get; init; } = 20_000_000;

    /// <summary>Whether a failing key's sub-history is shrunk to a minimal counterexample (default on).</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>How many candidate sub-histories the shrinker may check per failing key (default 4 000).</summary>
    public int ShrinkChecks { get; init; } = 4_000;

    /// <summary>How many keys are checked in parallel (default 1; the checker is CPU-bound).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
