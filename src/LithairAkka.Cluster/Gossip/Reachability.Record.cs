namespace LithairAkka.Cluster;

/// <summary>The records of the table.</summary>
public sealed partial class Reachability
{
    /// <summary>
    /// One observation: <paramref name="Observer"/> sees <paramref name="Subject"/> as <paramref name="Status"/>,
    /// stamped with the observer's change counter <paramref name="Version"/>. Immutable.
    /// </summary>
    /// <param name="Observer">The node whose failure detector made the observation.</param>
    /// <param name="Subject">The observed node.</param>
    /// <param name="Status">The observed status.</param>
    /// <param name="Version">The observer's version when the record was written.</param>
    public sealed record Record(UniqueAddress Observer, UniqueAddress Subject, ReachabilityStatus Status, long Version);
}
