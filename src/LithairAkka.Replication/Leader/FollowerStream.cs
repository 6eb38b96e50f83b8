using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>
/// One follower's replication stream, a child of <see cref="ReplicationLeader"/>: carries the leader core's appends
/// and heartbeats for that follower to its <c>ReplicaGroup</c>, pipelined: up to <c>max-inflight-batches</c> append
/// batches are in flight at once (flow control); while the window is full, further appends wait here and consecutive
/// ones are merged into one batch of at most <c>batch-size</c> entries, so a slow follower receives fewer, larger
/// batches instead of a growing backlog of small ones. Tracks the follower's match and next index, the round trip
/// of each answered batch, consecutive failures, and classifies the follower's health for
/// <c>/_raft/sync-status</c>. Single-threaded (actor).
/// </summary>
/// <remarks>
/// The consensus core stays the single source of truth: it decides what to send (terms, previous index, commit
/// index, its own inflight bound) and learns every answer directly from the follower (answers are addressed to the
/// group, not to this stream). A stream only windows, merges and measures; merging two appends of the same term where
/// the second starts right after the first yields exactly the append the core would have built from its log, and
/// dropping queued appends (after a rejection) is a message loss Raft tolerates: the core probes again. Heartbeats
/// are never held back: they carry read-index rounds and keep the follower's lease.
/// </remarks>
public sealed partial class FollowerStream : ReceiveActor, IWithTimers
{
    private const string StallTimer = "stall";

    private readonly NodeId _follower;
    private readonly FollowerStreamOptions _options;
    private readonly List<(long LastIndex, long SentAt)> _inflight = [];
    private readonly LinkedList<AppendEntriesRequest> _queued = new();
    private IActorRef _group = ActorRefs.Nobody;
    private IActorRef _peer = ActorRefs.Nobody;
    private long _match;
    private long _next = 1;
    private long? _heartbeatSentAt;
    private bool _heard;
    private bool _answeredSinceTick;
    private TimeSpan? _lastLatency;
    private int _consecutiveFailures;

    /// <summary>Creates the stream to <paramref name="follower"/>.</summary>
    /// <param name="follower">The follower.</param>
    /// <param name="options">Window, batching and health settings.</param>
    public FollowerStream(NodeId follower, FollowerStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _follower = follower;
        _options = options;
        Receive<StreamSend>(OnSend);
        Receive<StreamAnswer>(OnAnswer);
        Receive<StreamTick>(OnTick);
        Receive<StallCheck>(_ => OnStallCheck());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a stream.</summary>
    /// <param name="follower">The follower.</param>
    /// <param name="options">Window, batching and health settings.</param>
    public static Props Props(NodeId follower, FollowerStreamOptions options) =>
        Actors.Props.Create(() => new FollowerStream(follower, options));

    private void OnSend(StreamSend send)
    {
        _group = send.Group;
        _peer = send.Peer;
        switch (send.Message)
        {
            case AppendEntriesRequest append:
                if (_inflight.Count < _options.MaxInflightBatches && _queued.Count == 0)
                {
                    Transmit(append);
                }
                else
                {
                    Enqueue(append);
                }

                break;
            case HeartbeatRequest heartbeat:
                _heartbeatSentAt ??= _options.Time.GetTimestamp();
                _peer.Tell(heartbeat, _group);
                break;
            default:
                _peer.Tell(send.Message, _group);
                break;
        }
    }

    private void Transmit(AppendEntriesRequest append)
    {
        var last = append.Entries.Count > 0 ? append.Entries[^1].Index : append.PrevLogIndex;
        _inflight.Add((last, _options.Time.GetTimestamp()));
        _next = Math.Max(_next, last + 1);
        _peer.Tell(append, _group);
        if (_inflight.Count == 1)
        {
            Timers.StartPeriodicTimer(StallTimer, StallCheck.Instance, _options.StallTimeout);
        }
    }

    private void Enqueue(AppendEntriesRequest append)
    {
        if (_queued.Last is { } tail && TryMerge(tail.Value, append, _options.BatchSize) is { } merged)
        {
            tail.Value = merged;
            return;
        }

        _queued.AddLast(append);
    }

    /// <summary>
    /// Merges <paramref name="second"/> into <paramref name="first"/> when it continues it (same term, its previous
    /// entry is the first's last) and the result holds at most <paramref name="batchSize"/> entries.
    /// </summary>
    internal static AppendEntriesRequest? TryMerge(AppendEntriesRequest first, AppendEntriesRequest second, int batchSize)
    {
        var firstLast = first.Entries.Count > 0 ? first.Entries[^1].Index : first.PrevLogIndex;
        if (first.Term != second.Term || second.PrevLogIndex != firstLast
            || first.Entries.Count + second.Entries.Count > batchSize)
        {
            return null;
        }

        var entries = new List<LogEntry>(first.Entries.Count + second.Entries.Count);
        entries.AddRange(first.Entries);
        entries.AddRange(second.Entries);
        return first with { Entries = entries, LeaderCommit = Math.Max(first.LeaderCommit, second.LeaderCommit) };
    }

    private void Pump()
    {
        while (_queued.First is { } head && _inflight.Count < _options.MaxInflightBatches)
        {
            _queued.RemoveFirst();
            Transmit(head.Value);
        }

        if (_inflight.Count == 0)
        {
            Timers.Cancel(StallTimer);
        }
    }
}
