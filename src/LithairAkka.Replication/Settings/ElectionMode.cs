namespace LithairAkka.Replication.Settings;

/// <summary>How a replication group chooses its leader (<c>lithair.replication.election</c>).</summary>
public enum ElectionMode
{
    /// <summary>Raft election with randomised timeouts (the default).</summary>
    Auto = 0,

    /// <summary>
    /// Lithair compatibility: node 0 leads and no election runs. Bound and validated; the in-process
    /// <c>ReplicaGroup</c> does not honour it yet and elects as in <see cref="Auto"/>.
    /// </summary>
    Static = 1,
}
