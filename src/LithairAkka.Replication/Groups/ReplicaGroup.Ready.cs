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
    private IReadOnlyDictionary<NodeId, IActorRef> _streams = new Dictionary<NodeId, IActorRef>();

    // The Ready whose persistence is running (pipelined), the task that completes once it is durable, and whether
    // its leader messages were already sent. At most one Ready is in flight: the core hands out the next only after
    // Advance.
    private Ready? _persisting;
    private Task? _persistTask;
    private bool _sentEarly;

    // The term and vote known durable: a leader's appends and heartbeats may leave before their Ready is persisted
    // only when they do not depend on a term or vote still being written.
    private HardState _durableHardState;

    /// <summary>Carries out every Ready the core has, waiting until each is durable (mailbox suspended meanwhile).</summary>
    private Task DrainAsync() => DrainAsync(waitForDurability: true);

    /// <summary>
    /// The Ready loop. With <paramref name="waitForDurability"/> false (the hot paths: proposals, peer messages, ticks,
    /// reads) a Ready's persistence is started and the handler returns: the mailbox keeps running while the log store
    /// fsyncs, so proposals and answers arriving meanwhile go into the core and make up the next Ready (group commit on
    /// both leader and follower); a <see cref="ReadyPersisted"/> sent to itself finishes the Ready. A leader sends its
    /// appends and heartbeats at once, in parallel with its own fsync (Raft thesis §10.2.1): the core counts the
    /// leader in a quorum only up to what <see cref="RaftCore.Advance"/> acknowledged as durable, so nothing commits
    /// on the strength of an entry the leader has not stored yet. Every other message (votes, append answers) leaves
    /// only once the hard state and entries it promises are durable. With <paramref name="waitForDurability"/> true
    /// (snapshots, membership, elections) a Ready in flight and every following one are finished before returning.
    /// </summary>
    private async Task DrainAsync(bool waitForDurability)
    {
        var core = _core!;

        // Whatever triggers it, a drain carries out every proposal batched so far.
        _unflushed = 0;
        while (true)
        {
            if (_persisting is { } inFlight)
            {
                if (!waitForDurability)
                {
                    return;
                }

                await _persistTask!.ConfigureAwait(true);
                if (ReferenceEquals(_persisting, inFlight))
                {
                    FinishReady(inFlight);
                }

                continue;
            }

            if (!core.HasReady)
            {
                return;
            }

            var ready = core.GetReady();
            if (ready.SoftState is { } soft)
            {
                OnSoftState(soft);
            }

            if (ready.Snapshot is { } snapshot)
            {
                await InstallReceivedSnapshotAsync(snapshot).ConfigureAwait(true);
            }

            var persist = PersistAsync(ready);
            _sentEarly = CanSendBeforeDurable(ready);
            if (_sentEarly)
            {
                foreach (var message in ready.Messages)
                {
                    if (message is AppendEntriesRequest or HeartbeatRequest)
                    {
                        Send(message);
                    }
                }
            }

            if (persist.IsCompletedSuccessfully)
            {
                FinishReady(ready);
                continue;
            }

            _persisting = ready;
            _persistTask = persist;
            if (waitForDurability || ready.Snapshot is not null)
            {
                await persist.ConfigureAwait(true);
                FinishReady(ready);
                continue;
            }

            _ = persist.ContinueWith(
                static (task, state) =>
                {
                    var (self, done) = ((IActorRef, Ready))state!;
                    self.Tell(new ReadyPersisted(done, task.Exception?.GetBaseException()), self);
                },
                (Self, ready),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }
    }

    private async Task OnReadyPersistedAsync(ReadyPersisted persisted)
    {
        if (!ReferenceEquals(_persisting, persisted.Ready))
        {
            // Already finished by a drain that waited for it.
            return;
        }

        if (persisted.Failure is { } failure)
        {
            // As when the store failed under an awaited persist: the actor fails and recovers from what is durable.
            throw new InvalidOperationException($"Persisting a Ready of {_options.Group} failed.", failure);
        }

        FinishReady(persisted.Ready);
        await DrainAsync(waitForDurability: false).ConfigureAwait(true);
    }

    private bool CanSendBeforeDurable(Ready ready) =>
        _core!.Role == NodeRole.Leader
        && (ready.HardState is not { } hardState
            || (hardState.Term == _durableHardState.Term && hardState.VotedFor == _durableHardState.VotedFor));

    /// <summary>The Ready is durable: send what had to wait, apply, answer reads, advance.</summary>
    private void FinishReady(Ready ready)
    {
        var core = _core!;
        _persisting = null;
        _persistTask = null;
        if (ready.HardState is { } hardState)
        {
            _durableHardState = hardState;
        }

        foreach (var message in ready.Messages)
        {
            if (!_sentEarly || message is not (AppendEntriesRequest or HeartbeatRequest))
            {
                Send(message);
            }
        }

        _sentEarly = false;
        if (_options.Settings.WriteConsistency == WriteConsistency.Async && core.Role == NodeRole.Leader)
        {
            AcknowledgeDurable(ready.Entries);
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

    /// <summary>
    /// Queues the Ready's truncation, entries and hard state on the log store together (the store keeps their order
    /// and writes them in one group-commit round, one fsync), and completes once all are durable.
    /// </summary>
    private Task PersistAsync(Ready ready)
    {
        var store = _options.LogStore;
        var group = _options.Group.Value;
        ValueTask truncate = default, append = default, save = default;
        if (ready.Entries.Count > 0)
        {
            var first = ready.Entries[0].Index;
            if (first <= store.GetGroupInfo(group).LastIndex)
            {
                truncate = store.TruncateSuffixAsync(group, first);
            }

            var entries = new PersistedEntry[ready.Entries.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var e = ready.Entries[i];
                entries[i] = new PersistedEntry(e.Index, e.Term, (byte)e.Kind, e.Payload);
            }

            append = store.AppendAsync(group, entries);
        }

        if (ready.HardState is { } hardState)
        {
            save = store.SaveHardStateAsync(group, ToPersisted(hardState));
        }

        if (truncate.IsCompletedSuccessfully && append.IsCompletedSuccessfully && save.IsCompletedSuccessfully)
        {
            return Task.CompletedTask;
        }

        return AwaitAll(truncate, append, save);
    }

    private static async Task AwaitAll(ValueTask truncate, ValueTask append, ValueTask save)
    {
        // Each is awaited even when an earlier one failed, so no ValueTask is left unobserved.
        Exception? failure = null;
        foreach (var task in new[] { truncate, append, save })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
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

        if (message is AppendEntriesRequest or HeartbeatRequest && _streams.TryGetValue(message.To, out var stream))
        {
            // The follower's stream pipelines and measures; the follower still answers this actor.
            stream.Tell(new StreamSend(message, peer, Self), Self);
            return;
        }

        peer.Tell(message, Self);
    }

    private void OnFollowerStreams(FollowerStreams streams)
    {
        if (_leader is not null && Sender.Equals(_leader))
        {
            _streams = streams.Streams;
        }
    }

    private void NoteAnswer(RaftMessage message)
    {
        if (_leader is null || !_streams.TryGetValue(message.From, out var stream))
        {
            return;
        }

        switch (message)
        {
            case AppendEntriesResponse append:
                stream.Tell(new StreamAnswer(IsHeartbeat: false, append.Success, append.MatchIndex), Self);
                break;
            case HeartbeatResponse:
                stream.Tell(new StreamAnswer(IsHeartbeat: true, Success: true, 0), Self);
                break;
            default:
                break;
        }
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
            var settings = _options.Settings;
            var streamOptions = new FollowerStreamOptions(
                settings.BatchSize, settings.MaxInflightBatches, settings.ResyncThreshold, settings.ElectionTimeoutMin, _options.Time);
            _leader = Context.ActorOf(
                ReplicationLeader.Props(streamOptions),
                "replication-leader-" + soft.Term.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _leader.Tell(new LeaderProgress(_core!.GetStatus()), Self);
            _streams = new Dictionary<NodeId, IActorRef>();
            _ticksSinceProgress = 0;
            StopFollowerReplica();
        }
        else if (!leading && _leader is not null)
        {
            Context.Stop(_leader);
            _leader = null;
            _streams = new Dictionary<NodeId, IActorRef>();
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

    /// <summary>To itself: the Ready's persistence completed (<paramref name="Failure"/> set when it failed).</summary>
    private sealed record ReadyPersisted(Ready Ready, Exception? Failure);
}
