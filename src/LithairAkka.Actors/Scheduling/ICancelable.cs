namespace LithairAkka.Actors;

/// <summary>A scheduled operation that can be cancelled. Thread-safe; cancelling twice is harmless.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Prevents further executions (an execution already running completes).</summary>
    void Cancel();
}
