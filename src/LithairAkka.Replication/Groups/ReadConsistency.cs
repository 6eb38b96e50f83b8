namespace LithairAkka.Replication.Groups;

/// <summary>How fresh a <see cref="Read"/> must be.</summary>
public enum ReadConsistency
{
    /// <summary>Reflects every write acknowledged before the read began (ReadIndex confirmed by a heartbeat round).</summary>
    Linearizable = 0,

    /// <summary>Served by the node that believes it leads, without a heartbeat round.</summary>
    Leader = 1,

    /// <summary>Served from the local state, possibly stale.</summary>
    Follower = 2,
}
