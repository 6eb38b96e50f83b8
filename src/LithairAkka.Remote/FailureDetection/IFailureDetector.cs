namespace LithairAkka.Remote;

/// <summary>
/// Decides from heartbeat arrivals whether a monitored resource is available. Implementations are thread-safe.
/// </summary>
public interface IFailureDetector
{
    /// <summary>True when the resource is considered up; also true before the first heartbeat.</summary>
    bool IsAvailable { get; }

    /// <summary>True once a heartbeat has been recorded.</summary>
    bool IsMonitoring { get; }

    /// <summary>Records that a heartbeat (or a reply to one) arrived now.</summary>
    void Heartbeat();
}
