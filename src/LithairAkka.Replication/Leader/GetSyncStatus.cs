namespace LithairAkka.Replication.Leader;

/// <summary>Asks the leader for its followers' health; answered with <see cref="SyncStatus"/> (or <c>NotLeader</c>).</summary>
public sealed record GetSyncStatus
{
    /// <summary>The single instance.</summary>
    public static GetSyncStatus Instance { get; } = new();
}
