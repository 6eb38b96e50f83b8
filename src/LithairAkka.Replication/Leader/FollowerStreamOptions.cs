namespace LithairAkka.Replication.Leader;

/// <summary>Settings of a <see cref="FollowerStream"/>. Immutable.</summary>
/// <param name="BatchSize">Most entries in one append batch, also merged ones (<c>batch-size</c>); also the lag up to
/// which an answering follower is healthy.</param>
/// <param name="MaxInflightBatches">Append batches in flight at once (<c>max-inflight-batches</c>).</param>
/// <param name="ResyncThreshold">Lag above which a follower is desynced (<c>resync-threshold</c>).</param>
/// <param name="StallTimeout">How long the oldest unanswered batch may wait before the window is reopened (an election
/// timeout: answers were lost).</param>
/// <param name="Time">The clock for round trips and stalls.</param>
public sealed record FollowerStreamOptions(
    int BatchSize, int MaxInflightBatches, long ResyncThreshold, TimeSpan StallTimeout, TimeProvider Time);
