namespace LithairAkka.Replication.Consensus;

/// <summary>How a leader is currently replicating to one follower.</summary>
public enum ProgressState
{
    /// <summary>Searching for the last matching index: one append in flight at a time.</summary>
    Probe = 0,

    /// <summary>Streaming: appends are pipelined up to the in-flight window.</summary>
    Replicate = 1,

    /// <summary>Waiting for a snapshot transfer to finish; no appends.</summary>
    Snapshot = 2,
}
