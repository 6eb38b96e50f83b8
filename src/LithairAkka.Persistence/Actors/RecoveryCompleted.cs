namespace LithairAkka.Persistence;

/// <summary>
/// Sent to a persistent actor's recovery handler once the snapshot and all events were applied, before the first
/// command. Persisting from its handler is allowed.
/// </summary>
public sealed record RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    /// <summary>The single instance.</summary>
    public static RecoveryCompleted Instance { get; } = new();
}
