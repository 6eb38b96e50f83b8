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

/// <summary><c>POST /_raft/force-resync</c>: <c>{"target","success","message"}</c>.</summary>
internal sealed record ForceResyncBody(string Target, bool Success, string Message);

/// <summary>
/// <c>GET /_raft/state-digest</c>: the SHA-256 (lowercase hex) of the state machine's snapshot bytes at
/// <c>applied_index</c>. Two replicas at the same applied index hold the same state exactly when the digests match.
/// </summary>
internal sealed record StateDigestBody(long NodeId, long AppliedIndex, string Digest, long Bytes);
