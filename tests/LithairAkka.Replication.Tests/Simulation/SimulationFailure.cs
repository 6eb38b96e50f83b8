namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>Why a simulation run failed.</summary>
/// <param name="IsLiveness">Progress stalled in a calm period (rather than a safety property broken).</param>
/// <param name="Description">The violation, the nodes' state and, when tracing, the last events.</param>
internal sealed record SimulationFailure(bool IsLiveness, string Description)
{
    public override string ToString() => Description;
}
