namespace LithairAkka.Replication.Settings;

/// <summary>How a replication group chooses its leader (<c>lithair.replication.election</c>).</summary>
public enum ElectionMode
{
    /// <summary>Raft election with randomised timeouts (the default).</summary>
    Auto = 0,

    /// <summary>
    /// Lithair compatibility: one designated node leads (node 0, or the node started with <c>--leader</c>) and the
    /// others never campaign. The designated leader still wins a Raft vote (so terms, fencing and log safety hold) and
    /// campaigns again after a restart or a partition; the trade-off is that there is no automatic failover: while it
    /// is down the group has no leader and refuses writes.
    /// </summary>
    Static = 1,
}
