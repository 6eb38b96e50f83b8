namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>An invariant of Raft was found broken during a simulation run.</summary>
public sealed class SimulationViolationException : Exception
{
    public SimulationViolationException()
    {
    }

    public SimulationViolationException(string message)
        : base(message)
    {
    }

    public SimulationViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulationViolationException(bool isLiveness, string message)
        : base(message) => IsLiveness = isLiveness;

    /// <summary>Whether progress stalled, as opposed to a safety property being broken.</summary>
    public bool IsLiveness { get; }
}
