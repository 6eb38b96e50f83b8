using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Groups;

/// <content>Client writes and reads.</content>
public sealed partial class ReplicaGroup
{
    private readonly Dictionary<long, PendingProposal> _pending = [];
    private readonly Dictionary<long, PendingRead> _readsAwaitingIndex = [];
    private readonly List<(long Index, PendingRead Read)> _readsAwaitingApply = [];
    private long _nextReadId;
    private NodeId? _knownLeader;
    private int _unflushed;
    private bool _flushQueued;
    private long? _lastLeaderContact;

    /// <summary>
    /// Proposal batching (<c>batch-size</c>, <c>flush-interval</c>): a proposal is appended to the core's log but the
    /// Ready (one log-store append, one fsync, one append message per follower) is carried out only when the batch is
    /// full or when this group reaches a <see cref="Flush"/> it sent itself after the batch's first proposal. Every
    /// proposal already in the mailbox is thus in the batch, and none waits for a timer: under load batches grow
    /// (the mailbox fills while a Ready is persisted), when idle a proposal is flushed at once, so no proposal waits
    /// anywhere near <c>flush-interval</c>. <c>flush-interval = 0</c> turns batching off (one Ready per proposal).
    /// </summary>
    private async Task OnProposeAsync(Propose propose)
    {
        var core = _core!;
        var payload = new CommandEnvelope(propose.Request, propose.Command, _clock.Now()).Encode();
        var result = core.Propose(payload);
        if (!result.IsAccepted)
        {
            Sender.Tell(result.Status == RaftRequestStatus.NotLeader
                ? new NotLeader(result.Leader)
                : new ProposeFailed($"The leader refused the write: {result.Status}.", OutcomeUnknown: false));
            return;
        }

        _pending[result.Index] = new PendingProposal(result.Term, Sender);
        if (++_unflushed >= _options.Settings.BatchSize || _options.Settings.FlushInterval == TimeSpan.Zero)
        {
            await FlushAsync().ConfigureAwait(true);
        }
        else if (!_flushQueued)
        {
            _flushQueued = true;
            Self.Tell(Flush.Instance, Self);
        }
    }

    private async Task OnChangeMembershipAsync(ChangeMembership change)
    {
        var core = _core!;
        var result = core.ProposeConfigChange(change.Change);
        if (!result.IsAccepted)
        {
            Sender.Tell(result.Status == RaftRequestStatus.NotLeader
                ? new NotLeader(result.Leader)
                : new ProposeFailed($"The leader refused the configuration change: {result.Status}.", OutcomeUnknown: false));
            return;
        }

        _pending[result.Index] = new PendingProposal(result.Term, Sender);
        await DrainAsync().ConfigureAwait(true);
    }

    private async Task FlushAsync()
    {
        _unflushed = 0;
        _flushQueued = false;
        await DrainAsync(waitForDurability: false).ConfigureAwait(true);
    }

    /// <summary>Notes contact with the current leader, for <c>max-follower-staleness</c>.</summary>
    private void NoteLeaderContact(RaftMessage message)
    {
        if (message is AppendEntriesRequest or HeartbeatRequest or InstallSnapshotRequest
            && _core!.Leader == message.From && _core.Term == message.Term)
        {
            _lastLeaderContact = _options.Time.GetTimestamp();
        }
    }

    private bool IsFreshEnoughForFollowerRead(out string? reason)
    {
        var core = _core!;
        reason = null;
        if (core.Role == NodeRole.Leader)
        {
            return true;
        }

        var bound = _options.Settings.MaxFollowerStaleness;
        if (_lastLeaderContact is not { } contact)
        {
            reason = "This replica has not heard from a leader yet.";
            return false;
        }

        var elapsed = _options.Time.GetElapsedTime(contact);
        if (elapsed > bound)
        {
            reason = $"This replica last heard from the leader {elapsed.TotalMilliseconds:F0} ms ago (max-follower-staleness {bound.TotalMilliseconds:F0} ms).";
            return false;
        }

        return true;
    }

    private void AcknowledgeDurable(IReadOnlyList<LogEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (_pending.Remove(entry.Index, out var pending) && pending.Term == entry.Term)
            {
                pending.ReplyTo.Tell(new ProposeDurable(entry.Index, entry.Term));
            }
        }
    }

    private async Task OnReadAsync(Read read)
    {
        var core = _core!;
        switch (read.Consistency)
        {
            case ReadConsistency.Follower:
                if (IsFreshEnoughForFollowerRead(out var stale))
                {
                    _stateMachine.Tell(new QueryStateMachine(read.Query, Sender), Self);
                }
                else
                {
                    Sender.Tell(new ReadFailed(stale!));
                }

                return;
            case ReadConsistency.Leader:
                if (core.Role == NodeRole.Leader)
                {
                    _stateMachine.Tell(new QueryStateMachine(read.Query, Sender), Self);
                }
                else
                {
                    Sender.Tell(new NotLeader(core.Leader));
                }

                return;
        }

        var id = ++_nextReadId;
        var status = core.ReadIndex(id);
        if (status is not (RaftRequestStatus.Accepted or RaftRequestStatus.Forwarded))
        {
            Sender.Tell(new NotLeader(core.Leader));
            return;
        }

        _readsAwaitingIndex[id] = new PendingRead(read.Query, Sender);
        await DrainAsync(waitForDurability: false).ConfigureAwait(true);
    }

    private void OnReadState(ReadState state)
    {
        if (_readsAwaitingIndex.Remove(state.RequestId, out var read))
        {
            _readsAwaitingApply.Add((state.Index, read));
        }
    }

    private void ServeAppliedReads()
    {
        // Queries travel to the state machine after every entry up to _appliedIndex (mailbox order), so the
        // answer reflects at least the read index.
        _readsAwaitingApply.RemoveAll(waiting =>
        {
            if (waiting.Index > _appliedIndex)
            {
                return false;
            }

            _stateMachine.Tell(new QueryStateMachine(waiting.Read.Query, waiting.Read.ReplyTo), Self);
            return true;
        });
    }

    private void FailPendingProposals(string reason)
    {
        foreach (var pending in _pending.Values)
        {
            pending.ReplyTo.Tell(new ProposeFailed(reason, OutcomeUnknown: true));
        }

        _pending.Clear();
    }

    private void FailPendingReads(string reason, bool includeConfirmed)
    {
        foreach (var read in _readsAwaitingIndex.Values)
        {
            read.ReplyTo.Tell(new ReadFailed(reason));
        }

        _readsAwaitingIndex.Clear();
        if (!includeConfirmed)
        {
            // A confirmed read index stays valid whoever leads next: the read only waits for the local apply.
            return;
        }

        foreach (var (_, read) in _readsAwaitingApply)
        {
            read.ReplyTo.Tell(new ReadFailed(reason));
        }

        _readsAwaitingApply.Clear();
    }

    private sealed record PendingProposal(long Term, IActorRef ReplyTo);

    private sealed record Flush
    {
        public static Flush Instance { get; } = new();
    }

    private sealed record PendingRead(object Query, IActorRef ReplyTo);
}
