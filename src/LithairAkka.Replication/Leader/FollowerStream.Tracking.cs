using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <content>Answers, windows, failures and the health classification.</content>
public sealed partial class FollowerStream
{
    private void OnAnswer(StreamAnswer answer)
    {
        _heard = true;
        _answeredSinceTick = true;
        var now = _options.Time.GetTimestamp();
        if (answer.IsHeartbeat)
        {
            if (_heartbeatSentAt is { } sent)
            {
                _lastLatency = _options.Time.GetElapsedTime(sent, now);
                _heartbeatSentAt = null;
            }

            _consecutiveFailures = 0;
            return;
        }

        if (!answer.Success)
        {
            // The core moves the follower to probing and sends a fresh append; what is queued or in flight was built
            // on a wrong previous index.
            _consecutiveFailures++;
            _inflight.Clear();
            _queued.Clear();
            _next = _match + 1;
            Timers.Cancel(StallTimer);
            return;
        }

        _consecutiveFailures = 0;
        _match = Math.Max(_match, answer.MatchIndex);
        _next = Math.Max(_next, _match + 1);
        var acknowledged = 0;
        long? sentAt = null;
        while (acknowledged < _inflight.Count && _inflight[acknowledged].LastIndex <= answer.MatchIndex)
        {
            sentAt = _inflight[acknowledged].SentAt;
            acknowledged++;
        }

        _inflight.RemoveRange(0, acknowledged);
        if (sentAt is { } batchSent)
        {
            // The round trip of the newest batch this answer acknowledges: send, follower fsync, answer.
            _lastLatency = _options.Time.GetElapsedTime(batchSent, now);
        }

        Pump();
    }

    private void OnStallCheck()
    {
        if (_inflight.Count == 0)
        {
            Timers.Cancel(StallTimer);
            return;
        }

        if (_options.Time.GetElapsedTime(_inflight[0].SentAt) < _options.StallTimeout)
        {
            return;
        }

        // Answers were lost (or the follower is down): reopen the window so replication cannot stall for good. The
        // core resends what the follower misses on its next heartbeat answer.
        _consecutiveFailures++;
        _inflight.Clear();
        Pump();
    }

    private void OnTick(StreamTick tick)
    {
        if (_heard && !_answeredSinceTick)
        {
            _consecutiveFailures++;
        }

        _answeredSinceTick = false;
        var follower = tick.Follower;
        var match = Math.Max(_match, follower.MatchIndex);
        var lag = Math.Max(0, tick.LeaderLastIndex - match);
        Sender.Tell(new FollowerSyncState(_follower, Classify(follower.State, lag), match, lag, _lastLatency, _consecutiveFailures), Self);
    }

    /// <summary>
    /// Unknown until the follower answered this leader; desynced when more than <c>resync-threshold</c> behind or
    /// being sent a snapshot; healthy when caught up within one batch with no failure since its last answer;
    /// lagging otherwise.
    /// </summary>
    private FollowerHealth Classify(ProgressState state, long lag)
    {
        if (!_heard)
        {
            return FollowerHealth.Unknown;
        }

        if (lag > _options.ResyncThreshold || state == ProgressState.Snapshot)
        {
            return FollowerHealth.Desynced;
        }

        return lag <= _options.BatchSize && _consecutiveFailures == 0 ? FollowerHealth.Healthy : FollowerHealth.Lagging;
    }

    private sealed record StallCheck
    {
        public static StallCheck Instance { get; } = new();
    }
}
