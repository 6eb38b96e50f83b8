namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The leader of a term: appends a no-op to commit something of its own term (Raft §8), replicates to every member
/// (<c>LeaderRole.Replication.cs</c>), serves linearizable reads (<c>LeaderRole.ReadIndex.cs</c>), hands over leadership
/// (<c>LeaderRole.Transfer.cs</c>) and changes membership (<c>LeaderRole.Membership.cs</c>). With check-quorum it steps
/// down when a majority of voters stayed silent for an election timeout.
/// </summary>
internal sealed partial class LeaderRole : RaftRole
{
    private readonly ProgressTracker _tracker;
    private int _heartbeatElapsed;

    // Appends are batched: proposals and commit advances only mark the need, Flush sends once per Ready.
    private bool _broadcastPending;

    public LeaderRole(RaftCore core)
        : base(core)
    {
        _tracker = new ProgressTracker(core.Id, Log.Configuration, Log.LastIndex, core.Options.MaxInflightMessages);
        _tracker.Get(core.Id)?.SetSelfMatch(Log.PersistedIndex);
    }

    public override NodeRole Kind => NodeRole.Leader;

    /// <summary>The progress of every member, for status reports.</summary>
    public IEnumerable<FollowerStatus> Followers => _tracker.Peers.Select(p => p.ToStatus());

    /// <summary>Appends the no-op of the new term and starts replicating it.</summary>
    public void Start()
    {
        Log.Append(new LogEntry(Core.Term, Log.LastIndex + 1, EntryKind.NoOp, ReadOnlyMemory<byte>.Empty));
        _broadcastPending = true;
    }

    public override void Tick()
    {
        var options = Core.Options;
        _heartbeatElapsed++;
        Core.ElectionElapsed++;
        TickTransfer();
        if (Core.ElectionElapsed >= options.ElectionTimeoutMinTicks)
        {
            Core.ElectionElapsed = 0;
            if (options.CheckQuorum)
            {
                if (!_tracker.QuorumActive())
                {
                    // Thesis §6.2: a leader cut off from a majority stops serving, so clients look elsewhere.
                    Core.BecomeFollower(Core.Term, null);
                    return;
                }

                _tracker.ResetRecentActive();
            }
        }

        if (_heartbeatElapsed >= options.HeartbeatTicks)
        {
            _heartbeatElapsed = 0;
            BroadcastHeartbeat();
        }
    }

    public override void Step(RaftMessage message)
    {
        switch (message)
        {
            case AppendEntriesResponse response:
                HandleAppendResponse(response);
                break;
            case HeartbeatResponse response:
                HandleHeartbeatResponse(response);
                break;
            case ReadIndexRequest request:
                HandleReadIndex(request.RequestId, request.From);
                break;
            default:
                // Vote answers arriving after the election was won; there is no other leader in this term.
                break;
        }
    }

    /// <summary>Appends a client command, unless leadership is being handed over.</summary>
    public ProposeResult Propose(ReadOnlyMemory<byte> payload)
    {
        if (TransferTarget is not null)
        {
            return new ProposeResult(RaftRequestStatus.LeadershipTransferInProgress, 0, 0, Core.Id);
        }

        var entry = new LogEntry(Core.Term, Log.LastIndex + 1, EntryKind.Normal, payload);
        Log.Append(entry);
        _broadcastPending = true;
        return new ProposeResult(RaftRequestStatus.Accepted, entry.Index, entry.Term, Core.Id);
    }

    public override void Flush()
    {
        if (!_broadcastPending)
        {
            return;
        }

        _broadcastPending = false;
        foreach (var progress in _tracker.Peers)
        {
            // The first append goes even when empty: it carries the new commit index.
            var sendIfEmpty = true;
            while (SendAppend(progress, sendIfEmpty))
            {
                sendIfEmpty = false;
            }
        }
    }

    public override void OnMessagesHandedOut() => _reads.CloseRound();

    public override void OnAdvanced()
    {
        _tracker.Get(Core.Id)?.SetSelfMatch(Log.PersistedIndex);
        if (MaybeCommit())
        {
            _broadcastPending = true;
        }
    }

    /// <summary>Sends the latest snapshot to <paramref name="node"/> now (see <see cref="RaftCore.ForceSnapshot"/>).</summary>
    public RaftRequestStatus ForceSnapshot(NodeId node)
    {
        var progress = _tracker.Get(node);
        var snapshot = Log.Snapshot;
        if (progress is null || node == Core.Id || snapshot.Index == 0)
        {
            return RaftRequestStatus.InvalidTarget;
        }

        if (progress.State != ProgressState.Snapshot)
        {
            Core.Send(new InstallSnapshotRequest(Core.Term, Core.Group, Core.Id, node, snapshot));
            progress.BecomeSnapshot(snapshot.Index);
        }

        return RaftRequestStatus.Accepted;
    }

    /// <summary>Handles the host's report on a snapshot transfer to <paramref name="node"/>.</summary>
    public void ReportSnapshot(NodeId node, bool installed)
    {
        var progress = _tracker.Get(node);
        if (progress is null || progress.State != ProgressState.Snapshot)
        {
            return;
        }

        if (installed)
        {
            progress.BecomeProbe();
        }
        else
        {
            progress.AbortSnapshot();
        }

        // Wait for the follower's answer (or the next heartbeat reply) before probing.
        progress.ProbeSent = true;
    }

    private void BroadcastHeartbeat()
    {
        foreach (var progress in _tracker.Peers)
        {
            Core.Send(new HeartbeatRequest(
                Core.Term, Core.Group, Core.Id, progress.Node, Math.Min(progress.Match, Log.CommitIndex), _reads.Round));
        }
    }
}
