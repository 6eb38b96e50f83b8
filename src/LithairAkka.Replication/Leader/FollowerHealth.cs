namespace LithairAkka.Replication.Leader;

/// <summary>How well a follower keeps up, as shown by <c>/_raft/sync-status</c>.</summary>
public enum FollowerHealth
{
    /// <summary>Not heard from since this node became leader.</summary>
    Unknown = 0,

    /// <summary>Answering and caught up within one batch.</summary>
    Healthy = 1,

    /// <summary>Answering but behind, or missing heartbeats; still within the resync threshold.</summary>
    Lagging = 2,

    /// <summary>Behind by more than <c>resync-threshold</c> entries or being sent a snapshot.</summary>
    Desynced = 3,
}
