namespace LithairAkka.Management.Json;

/// <summary><c>GET /_raft/health</c>.</summary>
internal sealed record RaftHealthBody(
    long NodeId, string State, long Term, long CommitIndex, long LastApplied, IReadOnlyDictionary<string, string> Followers);

/// <summary><c>GET /_raft/sync-status</c>.</summary>
internal sealed record SyncStatusBody(long NodeId, bool IsLeader, long CommitIndex, IReadOnlyList<SyncFollowerBody> Followers);

/// <summary>One follower of <see cref="SyncStatusBody"/>; <c>last_latency_ms</c> is null before its first answer.</summary>
internal sealed record SyncFollowerBody(
    string Address, string Health, long LastReplicatedIndex, long Lag, double? LastLatencyMs, int ConsecutiveFailures);

/// <summary><c>GET /_raft/resync_stats</c>.</summary>
internal sealed record ResyncStatsBody(long NodeId, bool IsLeader, ResyncCountersBody ResyncStats);

/// <summary>The counters of <see cref="ResyncStatsBody"/>.</summary>
internal sealed record ResyncCountersBody(long SnapshotsCreated, long SendAttempts, long SendSuccesses, long SendFailures);

/// <summary><c>POST /_raft/transfer-leadership</c>: <c>{"success","leader"}</c>.</summary>
internal sealed record TransferLeadershipBody(bool Success, long? Leader);
