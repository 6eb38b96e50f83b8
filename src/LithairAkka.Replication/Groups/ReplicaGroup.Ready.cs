using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using PersistedEntry = LithairAkka.Persistence.Log.LogEntry;

namespace LithairAkka.Replication.Groups;

/// <content>The Ready loop: install, persist, send, apply, answer reads, advance.</content>
public sealed partial class ReplicaGroup
{
    private readonly Dictionary<NodeId, long> _oldestUnanswered = [];

    private async Task DrainAsync()
    {
        var core = _core!;

        // Whatever triggers it, a drain carries out every proposal batched so far.
        _unflushed = 0;
        while (core.HasReady)
        {
            var ready = core.GetReady();
            if (ready.SoftState is { } soft)
            {
                OnSoftState(soft);
            }

            if (ready.Snapshot is { } snapshot)
            {
                await InstallReceivedSnapshotAsync(snapshot).ConfigureAwait(true);
            }

            await PersistAsync(ready).ConfigureAwait(true);
            foreach (var message in ready.Messages)
            {
                Send(message);
            }

            Apply(ready.CommittedEntries);
            foreach (var state in ready.ReadStates)
            {
                OnReadState(state);
            }

            core.Advance(ready);
            ServeAppliedReads();
            MaybeTakeSnapshot();
        }
    }

    private async Task PersistAsync(Ready ready)
    {
        var store = _options.LogStore;
        var group = _options.Group.Value;
        if (ready.Entries.Count > 0)
        {
            var first = ready.Entries[0].Index;
            if (first <= store.GetGroupInfo(group).LastIndex)
            {
                await store.TruncateSuffixAsync(group, first).ConfigureAwait(true);
            }

            var entries = new PersistedEntry[ready.Entries.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var e = ready.Entries[i];
                entries[i] = new PersistedEntry(e.Index, e.Term, (byte)e.Kind, e.Payload);
            }

            await store.AppendAsync(group, entries).ConfigureAwait(true);
        }

        if (ready.HardState is { } hardState)
        {
            await store.SaveHardStateAsync(group, ToPersisted(hardState)).ConfigureAwait(true);
        }

        if (_options.Settings.WriteConsistency == WriteConsistency.Async && _core!.Role == NodeRole.Leader)
        {
            AcknowledgeDurable(ready.Entries);
        }
    }

    private void Send(RaftMessage message)
    {
        if (!_peers.TryGetValue(message.To, out var peer))
        {
            return;
        }

        if (message is InstallSnapshotRequest install)
        {
            SendSnapshot(install, peer);
            return;
        }

        if (message is AppendEntriesRequest or HeartbeatRequest && !_oldestUnanswered.ContainsKey(message.To))
        {
            _oldestUnanswered[message.To] = _options.Time.GetTimestamp();
        }

        peer.Tell(message, Self);
    }

    private void NoteAnswer(RaftMessage message)
    {
        if (_leader is null || message is not (AppendEntriesResponse or HeartbeatResponse))
        {
            return;
        }

        TimeSpan? latency = _oldestUnanswered.Remove(message.From, out var sentAt)
            ? _options.Time.GetElapsedTime(sentAt)
            : null;
        var success = message is not AppendEntriesResponse { Success: false };
        _leader.Tell(new FollowerAnswered(message.From, success, latency), Self);
    }

    private void Apply(IReadOnlyList<LogEntry> committed)
    {
        foreach (var entry in committed)
        {
            if (entry.Index <= _appliedIndex)
            {
                continue;
            }

            _appliedIndex = entry.Index;
            IActorRef? replyTo = null;
            if (_pending.Remove(entry.Index, out var pending))
            {
                if (pending.Term == entry.Term)
                {
                    replyTo = pending.ReplyTo;
                }
                else
                {
                    pending.ReplyTo.Tell(new ProposeFailed("The write was overwritten by a new leader's log.", OutcomeUnknown: false));
                }
            }

            if (entry.Kind == EntryKind.ConfigChange && replyTo is not null)
            {
                var change = ConfigChangeEntry.Decode(entry.Payload.Span);
                replyTo.Tell(new MembershipChanged(change.Change, entry.Index, change.Result));
            }

            if (entry.Kind == EntryKind.Normal)
            {
                // Timestamps of applied entries move this node's clock past the leader's, so a later leader here
                // stamps its entries after every entry it applied.
                if (CommandEnvelope.TryReadTimestamp(entry.Payload.Span, out var stamp))
                {
                    _clock.Observe(stamp);
                }

                _stateMachine.Tell(new ApplyCommitted(entry.Index, entry.Term, entry.Payload, replyTo), Self);
            }
        }
    }

    private void OnSoftState(SoftState soft)
    {
        var leading = soft.Role == NodeRole.Leader;
        if (leading && _leader is null)
        {
            _leader = Context.ActorOf(
                ReplicationLeader.Props(_options.Settings.ResyncThreshold, _options.Settings.BatchSize),
                "replication-leader-" + soft.Term.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _leader.Tell(new LeaderProgress(_core!.GetStatus()), Self);
            _oldestUnanswered.Clear();
            _ticksSinceProgress = 0;
            StopFollowerReplica();
        }
        else if (!leading && _leader is not null)
        {
            Context.Stop(_leader);
            _leader = null;
            _coordinator.Tell(AbandonSnapshotTransfers.Instance, Self);
            StartFollowerReplica();
            FailPendingProposals("This node stepped down before the write committed.");
        }

        if (soft.Leader != _knownLeader)
        {
            _knownLeader = soft.Leader;
            FailPendingReads("The leader changed while the read waited.", includeConfirmed: false);
        }
    }
}
