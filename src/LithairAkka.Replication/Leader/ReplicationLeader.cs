using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>
/// Child of <c>ReplicaGroup</c> while its core leads: tracks each follower's health (lag against
/// <c>resync-threshold</c>, last latency, consecutive failures) and answers <see cref="GetSyncStatus"/>.
/// Stopped when the core steps down. Single-threaded (actor).
/// </summary>
public sealed class ReplicationLeader : ReceiveActor
{
    private readonly long _resyncThreshold;
    private readonly long _healthyLag;
    private readonly Dictionary<NodeId, Tracker> _followers = [];
    private RaftStatus? _status;

    /// <summary>Creates the tracker.</summary>
    /// <param name="resyncThreshold">Lag above which a follower is <see cref="FollowerHealth.Desynced"/>.</param>
    /// <param name="healthyLag">Lag up to which an answering follower is <see cref="FollowerHealth.Healthy"/> (the batch size).</param>
    public ReplicationLeader(long resyncThreshold, long healthyLag)
    {
        _resyncThreshold = resyncThreshold;
        _healthyLag = healthyLag;
        Receive<FollowerAnswered>(OnAnswered);
        Receive<LeaderProgress>(OnProgress);
        Receive<GetSyncStatus>(_ => Sender.Tell(BuildStatus()));
    }

    /// <summary>Props for a tracker.</summary>
    public static Props Props(long resyncThreshold, long healthyLag) =>
        Actors.Props.Create(() => new ReplicationLeader(resyncThreshold, healthyLag));

    private Tracker TrackerOf(NodeId node)
    {
        if (!_followers.TryGetValue(node, out var tracker))
        {
            tracker = new Tracker();
            _followers[node] = tracker;
        }

        return tracker;
    }

    private void OnAnswered(FollowerAnswered answer)
    {
        var tracker = TrackerOf(answer.Node);
        tracker.Heard = true;
        tracker.AnsweredSinceProgress = true;
        if (answer.Latency is { } latency)
        {
            tracker.LastLatency = latency;
        }

        tracker.ConsecutiveFailures = answer.Success ? 0 : tracker.ConsecutiveFailures + 1;
    }

    private void OnProgress(LeaderProgress progress)
    {
        _status = progress.Status;
        foreach (var follower in progress.Status.Followers)
        {
            var tracker = TrackerOf(follower.Node);
            if (!tracker.AnsweredSinceProgress && tracker.Heard)
            {
                tracker.ConsecutiveFailures++;
            }

            tracker.AnsweredSinceProgress = false;
        }
    }

    private SyncStatus BuildStatus()
    {
        if (_status is not { } status)
        {
            // ReplicaGroup sends the first progress right after creating this actor; nothing is known before.
            return new SyncStatus(default, 0, 0, []);
        }

        var list = new List<FollowerSyncState>(status.Followers.Count);
        foreach (var follower in status.Followers)
        {
            var tracker = TrackerOf(follower.Node);
            var lag = Math.Max(0, status.LastIndex - follower.MatchIndex);
            list.Add(new FollowerSyncState(
                follower.Node, Classify(follower, tracker, lag), follower.MatchIndex, lag, tracker.LastLatency, tracker.ConsecutiveFailures));
        }

        return new SyncStatus(status.Node, status.Term, status.LastIndex, list);
    }

    private FollowerHealth Classify(FollowerStatus follower, Tracker tracker, long lag)
    {
        if (!tracker.Heard)
        {
            return FollowerHealth.Unknown;
        }

        if (lag > _resyncThreshold || follower.State == ProgressState.Snapshot)
        {
            return FollowerHealth.Desynced;
        }

        return lag <= _healthyLag && tracker.ConsecutiveFailures == 0 ? FollowerHealth.Healthy : FollowerHealth.Lagging;
    }

    private sealed class Tracker
    {
        public bool Heard { get; set; }

        public bool AnsweredSinceProgress { get; set; }

        public TimeSpan? LastLatency { get; set; }

        public int ConsecutiveFailures { get; set; }
    }
}
