namespace LithairAkka.Management.Bootstrap;

/// <summary>What cluster bootstrap does after a probing round.</summary>
public enum JoinDecisionKind
{
    /// <summary>Not enough is known yet: keep discovering and probing.</summary>
    KeepProbing,

    /// <summary>A contact point reported a cluster: join its seed nodes.</summary>
    JoinOtherSeedNodes,

    /// <summary>No cluster exists, the contact points are stable and this node has the lowest address: form the cluster.</summary>
    JoinSelf,
}
