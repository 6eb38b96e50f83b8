namespace LithairAkka.Replication.Settings;

/// <summary>When a write is acknowledged (<c>lithair.replication.write-consistency</c>).</summary>
public enum WriteConsistency
{
    /// <summary>Once a quorum stored it and the state machine applied it (the default).</summary>
    Quorum = 0,

    /// <summary>Once the leader stored it durably; replication continues in the background.</summary>
    Async = 1,
}
