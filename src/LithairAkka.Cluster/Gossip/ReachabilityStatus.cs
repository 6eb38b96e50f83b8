namespace LithairAkka.Cluster;

/// <summary>How an observer sees a subject (and, aggregated, how the cluster sees a node).</summary>
public enum ReachabilityStatus
{
    /// <summary>The observer's failure detector receives the subject's heartbeats.</summary>
    Reachable,

    /// <summary>The observer's failure detector suspects the subject.</summary>
    Unreachable,

    /// <summary>The subject is known to be gone for good (e.g. quarantined); never changes back.</summary>
    Terminated,
}
