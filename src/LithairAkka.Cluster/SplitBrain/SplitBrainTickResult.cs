namespace LithairAkka.Cluster;

/// <summary>The outcome of one resolver tick: the next state and, when one was taken, the decision to carry out.</summary>
/// <param name="State">The state after the tick.</param>
/// <param name="Decision">The decision to carry out, or <see langword="null"/>.</param>
public sealed record SplitBrainTickResult(SplitBrainResolverState State, SplitBrainDecision? Decision);
