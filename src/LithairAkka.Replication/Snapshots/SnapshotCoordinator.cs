using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// The leader side of snapshot transfers of one group, a child of its <c>ReplicaGroup</c>: sends a snapshot to a
/// follower in chunks of <c>snapshot-chunk-size</c>, at most <see cref="Window"/> chunks ahead of the follower's last
/// <see cref="SnapshotChunkAck"/>. When the follower goes silent for a resend interval (a dropped connection, lost
/// chunks) the transfer resumes from the last acknowledged offset; a transfer that does not end within
/// <c>snapshot-timeout</c> fails. Outcomes go to the parent as <see cref="SnapshotTransferEnded"/> — the group, the
/// only place consensus state changes, reports them to the core. Keeps the counters of <c>/_raft/resync_stats</c>
/// across leaderships. Messages: <see cref="StartSnapshotTransfer"/>, <see cref="SnapshotChunkAck"/>,
/// <see cref="SnapshotTransferResult"/>, <see cref="AbandonSnapshotTransfers"/>, <see cref="SnapshotRecorded"/>,
/// <see cref="GetSnapshotCounters"/>.
/// </summary>
public sealed class SnapshotCoordinator : ReceiveActor, IWithTimers
{
    /// <summary>
    /// Chunks sent ahead of the follower's acknowledgement: 8 chunks of 1 MiB keep a loopback or LAN link busy while
    /// acknowledgements travel back on a loaded machine, and bound the bytes in flight per follower.
    /// </summary>
    public const int Window = 8;

    private const string CheckTimer = "check";
    private readonly GroupId _group;
    private readonly int _chunkSize;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _resendAfter;
    private readonly TimeProvider _time;
    private readonly Dictionary<NodeId, Transfer> _transfers = [];
    private long _created;
    private long _attempts;
    private long _successes;
    private long _failures;
    private long _installed;
    private long _chunksSent;
    private long _resumes;
    private long _timeouts;

    /// <summary>Creates the coordinator.</summary>
    /// <param name="group">The group whose snapshots it sends.</param>
    /// <param name="chunkSize">Bytes per chunk (at least 1).</param>
    /// <param name="timeout">Longest a transfer may take (<c>snapshot-timeout</c>).</param>
    /// <param name="resendAfter">Silence after which a transfer resumes from the last acknowledged offset.</param>
    /// <param name="time">The clock.</param>
    public SnapshotCoordinator(GroupId group, int chunkSize, TimeSpan timeout, TimeSpan resendAfter, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resendAfter, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _group = group;
        _chunkSize = chunkSize;
        _timeout = timeout;
        _resendAfter = resendAfter;
        _time = time;
        Receive<StartSnapshotTransfer>(OnStart);
        Receive<SnapshotChunkAck>(OnAck);
        Receive<SnapshotTransferResult>(OnResult);
        Receive<Check>(_ => OnCheck());
        Receive<AbandonSnapshotTransfers>(_ =>
        {
            _failures += _transfers.Count;
            _transfers.Clear();
        });
        Receive<SnapshotRecorded>(m =>
        {
            if (m.Installed)
            {
                _installed++;
            }
            else
            {
                _created++;
            }
        });
        Receive<GetSnapshotCounters>(_ => Sender.Tell(
            new SnapshotCounters(_created, _attempts, _successes, _failures, _installed, _chunksSent, _resumes, _timeouts)));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a coordinator.</summary>
    /// <param name="group">The group whose snapshots it sends.</param>
    /// <param name="chunkSize">Bytes per chunk.</param>
    /// <param name="timeout">Longest a transfer may take.</param>
    /// <param name="resendAfter">Silence after which a transfer resumes.</param>
    /// <param name="time">The clock.</param>
    public static Props Props(GroupId group, int chunkSize, TimeSpan timeout, TimeSpan resendAfter, TimeProvider time) =>
        Actors.Props.Create(() => new SnapshotCoordinator(group, chunkSize, timeout, resendAfter, time));

    /// <inheritdoc />
    protected override void PreStart() => Timers.StartPeriodicTimer(CheckTimer, Check.Instance, _resendAfter);

    private void OnStart(StartSnapshotTransfer start)
    {
        var follower = start.Request.To;
        var index = start.Snapshot.Metadata.Index;
        if (_transfers.TryGetValue(follower, out var running))
        {
            if (running.Index == index)
            {
                return;
            }

            _failures++;
        }

        var now = _time.GetTimestamp();
        var transfer = new Transfer(start.Request with { Snapshot = start.Snapshot.Metadata }, start.Snapshot.Encode(), start.Follower, now);
        _transfers[follower] = transfer;
        _attempts++;
        Pump(transfer);
    }

    private void OnAck(SnapshotChunkAck ack)
    {
        if (ack.Group != _group || !_transfers.TryGetValue(ack.Follower, out var transfer) || transfer.Index != ack.SnapshotIndex)
        {
            return;
        }

        transfer.LastProgress = _time.GetTimestamp();
        if (ack.NextOffset < transfer.Acked || ack.NextOffset > transfer.Sent)
        {
            // The follower lost bytes it had acknowledged (restarted) or holds a different view: resend from its offset.
            _resumes++;
            transfer.Sent = Math.Min(ack.NextOffset, transfer.Bytes.Length);
        }

        transfer.Acked = Math.Min(ack.NextOffset, transfer.Bytes.Length);
        Pump(transfer);
    }

    private void OnResult(SnapshotTransferResult result)
    {
        if (result.Group != _group || !_transfers.TryGetValue(result.Follower, out var transfer) || transfer.Index != result.SnapshotIndex)
        {
            return;
        }

        End(result.Follower, transfer, result.Success);
    }

    private void OnCheck()
    {
        foreach (var (follower, transfer) in _transfers.ToArray())
        {
            if (_time.GetElapsedTime(transfer.Started) >= _timeout)
            {
                _timeouts++;
                End(follower, transfer, success: false);
            }
            else if (transfer.Acked < transfer.Bytes.Length && _time.GetElapsedTime(transfer.LastProgress) >= _resendAfter)
            {
                // Nothing heard for a while: chunks or acks were lost (a dropped connection, a gap). Resume from the
                // follower's last acknowledged offset. Once everything is acknowledged, only the result is awaited.
                _resumes++;
                transfer.LastProgress = _time.GetTimestamp();
                transfer.Sent = transfer.Acked;
                Pump(transfer);
            }
        }
    }

    private void Pump(Transfer transfer)
    {
        var total = transfer.Bytes.Length;
        var limit = transfer.Acked + ((long)Window * _chunkSize);
        while (transfer.Sent < total && transfer.Sent < limit)
        {
            var offset = (int)transfer.Sent;
            var length = Math.Min(_chunkSize, total - offset);
            transfer.Follower.Tell(new SnapshotChunk(transfer.Request, offset, total, transfer.Bytes.AsMemory(offset, length)), Self);
            transfer.Sent = offset + length;
            _chunksSent++;
        }
    }

    private void End(NodeId follower, Transfer transfer, bool success)
    {
        _transfers.Remove(follower);
        Context.GetLogger().Info(
            "Snapshot {0} of {1} ({2} bytes) {3} {4} after {5} ms",
            transfer.Index,
            _group,
            transfer.Bytes.Length,
            success ? "installed by" : "not installed by",
            follower,
            (long)_time.GetElapsedTime(transfer.Started).TotalMilliseconds);
        if (success)
        {
            _successes++;
        }
        else
        {
            _failures++;
        }

        Context.Parent.Tell(new SnapshotTransferEnded(follower, transfer.Index, success), Self);
    }

    private sealed class Transfer(InstallSnapshotRequest request, byte[] bytes, IActorRef follower, long started)
    {
        public InstallSnapshotRequest Request { get; } = request;

        public byte[] Bytes { get; } = bytes;

        public IActorRef Follower { get; } = follower;

        public long Index => Request.Snapshot.Index;

        public long Started { get; } = started;

        public long LastProgress { get; set; } = started;

        public long Acked { get; set; }

        public long Sent { get; set; }
    }

    private sealed record Check
    {
        public static Check Instance { get; } = new();
    }
}
