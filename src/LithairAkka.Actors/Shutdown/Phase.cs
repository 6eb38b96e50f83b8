namespace LithairAkka.Actors;

/// <summary>A coordinated-shutdown phase as configured under <c>akka.coordinated-shutdown.phases</c>.</summary>
/// <param name="Timeout">How long the phase's tasks may take together.</param>
/// <param name="Recover">When false, a failed or timed-out phase aborts the remaining phases (the system still terminates).</param>
/// <param name="Enabled">When false, the phase's tasks are skipped.</param>
/// <param name="DependsOn">Phases that must complete before this one.</param>
public sealed record Phase(TimeSpan Timeout, bool Recover, bool Enabled, IReadOnlyList<string> DependsOn);
