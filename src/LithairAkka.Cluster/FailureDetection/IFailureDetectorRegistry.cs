namespace LithairAkka.Cluster;

/// <summary>
/// One failure detector per monitored resource, created on the resource's first heartbeat. Implementations are
/// thread-safe.
/// </summary>
/// <typeparam name="T">The resource key, e.g. a node's address.</typeparam>
public interface IFailureDetectorRegistry<in T>
    where T : notnull
{
    /// <summary>True when <paramref name="resource"/> is considered up; true for resources never heard from.</summary>
    /// <param name="resource">The resource.</param>
    bool IsAvailable(T resource);

    /// <summary>True once a heartbeat of <paramref name="resource"/> has been recorded.</summary>
    /// <param name="resource">The resource.</param>
    bool IsMonitoring(T resource);

    /// <summary>Records a heartbeat of <paramref name="resource"/>, creating its detector when needed.</summary>
    /// <param name="resource">The resource.</param>
    void Heartbeat(T resource);

    /// <summary>Forgets <paramref name="resource"/>'s detector and history.</summary>
    /// <param name="resource">The resource.</param>
    void Remove(T resource);

    /// <summary>Forgets every detector.</summary>
    void Reset();
}
