using LithairAkka.Actors;
using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using PersistedHardState = LithairAkka.Persistence.Log.HardState;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// One replication group on one node: owns the group's <see cref="RaftCore"/> (the only place its state changes),
/// ticks it with a timer, feeds it peer messages and client requests, and carries out each <see cref="Ready"/> in
/// order: install a received snapshot, persist entries and hard state through the log store, send messages, apply
/// committed entries to the state machine child, answer reads; then <see cref="RaftCore.Advance"/>. While the core
/// leads, a <see cref="ReplicationLeader"/> child runs one <see cref="FollowerStream"/> per follower, which carries the
/// core's appends and heartbeats to it (windowed, merged when the window is full) and tracks its health. Peers are addressed by <see cref="IActorRef"/>
/// (local or remote alike).
/// </summary>
/// <remarks>
/// The core is only touched by this actor's handlers, one at a time. The hot paths (proposals, peer messages, ticks,
/// reads) pipeline the Ready loop: a Ready's persistence runs while the mailbox keeps feeding the core, and the Ready
/// is finished when it is durable (see <c>DrainAsync</c> in <c>ReplicaGroup.Ready.cs</c>). No vote or append answer
/// leaves before the hard state and entries it promises are durable; a leader's appends leave at once.
/// </remarks>
public sealed partial class ReplicaGroup : ReceiveActor, IWithTimers
{
    private const string TickTimer = "tick";

    private readonly ReplicaGroupOptions _options;
    private readonly HybridLogicalClock _clock;
    private readonly Dictionary<NodeId, IActorRef> _peers = [];
    private RaftCore? _core;
    private IActorRef _stateMachine = ActorRefs.Nobody;
    private IActorRef? _leader;
    private StoredSnapshot? _latestSnapshot;
    private long _appliedIndex;
    private int _ticksSinceProgress;

    /// <summary>Creates the group actor; it recovers from the stores before serving.</summary>
    public ReplicaGroup(ReplicaGroupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = new HybridLogicalClock(options.Self, options.Time, options.Settings.MaxClockDrift);
        SetPeers(options.Peers);
        ReceiveAsync<Recover>(_ => RecoverAsync());
        Receive<UpdatePeers>(m => SetPeers(m.Peers));
        Receive<GetGroupStatus>(_ => Sender.Tell(_core is null ? new NotLeader(null) : _core.GetStatus()));
        Receive<GetSnapshotCounters>(m => _coordinator.Forward(m));
        Receive<GetSyncStatus>(OnGetSyncStatus);
        Receive<FollowerStreams>(OnFollowerStreams);

        // Diagnostics: the sender receives the state machine's SnapshotTaken for its current state.
        Receive<TakeSnapshot>(m => _stateMachine.Forward(m));
        ReceiveAsync<Tick>(_ => OnTickAsync(), _ => _core is not null);
        ReceiveAsync<ReadyPersisted>(OnReadyPersistedAsync, _ => _core is not null);
        ReceiveAsync<RaftMessage>(OnRaftMessageAsync, _ => _core is not null);
        Receive<SnapshotChunk>(OnSnapshotChunk);
        ReceiveAsync<SnapshotAssembled>(OnSnapshotAssembledAsync, _ => _core is not null);
        ReceiveAsync<SnapshotTransferEnded>(OnTransferEndedAsync, _ => _core is not null);
        ReceiveAsync<ForceResync>(OnForceResyncAsync, _ => _core is not null);
        ReceiveAsync<ChangeMembership>(OnChangeMembershipAsync, _ => _core is not null);
        ReceiveAsync<LeaderUnreachable>(OnLeaderUnreachableAsync, _ => _core is not null);
        ReceiveAsync<FastCampaign>(_ => OnFastCampaignAsync(), _ => _core is not null);
        Receive<SnapshotTaken>(OnSnapshotTaken, _ => _core is not null);
        ReceiveAsync<SnapshotSaved>(OnSnapshotSavedAsync, _ => _core is not null);
        ReceiveAsync<Remote.Events.DisassociatedEvent>(OnDisassociatedAsync, _ => _core is not null);
        ReceiveAsync<Propose>(OnProposeAsync, _ => _core is not null);
        ReceiveAsync<Flush>(_ => FlushAsync(), _ => _core is not null);
        ReceiveAsync<Read>(OnReadAsync, _ => _core is not null);
        ReceiveAsync<TransferLeadership>(OnTransferLeadershipAsync, _ => _core is not null);
        Receive<Propose>(_ => Sender.Tell(new NotLeader(null)));
        Receive<Read>(_ => Sender.Tell(new NotLeader(null)));
        Receive<ForceResync>(_ => Sender.Tell(new NotLeader(null)));
        Receive<ChangeMembership>(_ => Sender.Tell(new NotLeader(null)));
        Receive<LeaderUnreachable>(_ => { });
        Receive<Remote.Events.DisassociatedEvent>(_ => { });
        Receive<TransferLeadership>(_ => Sender.Tell(new TransferLeadershipStarted(RaftRequestStatus.NotLeader, null)));

        // Before recovery finishes there is no core: ticks and peer traffic are dropped (Raft tolerates loss).
        Receive<Tick>(_ => { });
        Receive<RaftMessage>(_ => { });
        Receive<SnapshotAssembled>(_ => { });
        Receive<SnapshotTransferEnded>(_ => { });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a group actor.</summary>
    public static Props Props(ReplicaGroupOptions options) => Actors.Props.Create(() => new ReplicaGroup(options));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _stateMachine = Context.ActorOf(_options.StateMachine, "state-machine");
        StartSnapshotChildren();
        WatchConnections();
        Self.Tell(Recover.Instance);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        FailPendingProposals("The replica group stopped before the write committed.");
        FailPendingReads("The replica group stopped.", includeConfirmed: true);
    }

    private void SetPeers(IReadOnlyDictionary<NodeId, IActorRef> peers)
    {
        foreach (var (node, peer) in peers)
        {
            if (node != _options.Self)
            {
                _peers[node] = peer;
            }
        }
    }

    private async Task RecoverAsync()
    {
        var group = _options.Group.Value;
        var store = _options.LogStore;
        // Continuations must run on this actor (its synchronisation context), hence ConfigureAwait(true).
        var snapshot = await _options.SnapshotStore.LoadAsync(group).ConfigureAwait(true);
        var metadata = snapshot?.Metadata ?? SnapshotMetadata.Initial(_options.Members);
        var info = store.GetGroupInfo(group);
        IReadOnlyList<LogEntry> entries = [];
        if (info.LastIndex > metadata.Index)
        {
            var stored = await store.ReadAsync(group, metadata.Index + 1, info.LastIndex + 1, long.MaxValue).ConfigureAwait(true);
            entries = stored.Select(e => new LogEntry(e.Term, e.Index, (EntryKind)e.Kind, e.Payload)).ToArray();
        }

        var persisted = info.HardState;
        var hardState = new HardState(
            persisted.Term,
            persisted.VotedFor is { } vote ? new NodeId(vote) : null,
            Math.Max(persisted.CommitIndex, metadata.Index));
        _durableHardState = hardState;
        if (snapshot is not null)
        {
            _stateMachine.Tell(new RestoreSnapshot(metadata.Index, snapshot.Data), Self);
            _latestSnapshot = snapshot;
            _appliedIndex = metadata.Index;
        }

        var seed = _options.RandomSeed ?? Random.Shared.Next();
        _core = new RaftCore(
            _options.Self,
            _options.Group,
            CoreOptions(),
            new RaftPersistentState(hardState, metadata, entries),
            new Random(seed));
        Timers.StartPeriodicTimer(TickTimer, Tick.Instance, _options.Settings.TickInterval);
        CampaignIfStaticLeader();
        await DrainAsync().ConfigureAwait(true);
    }

    private async Task OnTickAsync()
    {
        var core = _core!;
        core.Tick();
        if (_leader is not null && ++_ticksSinceProgress >= Settings.ReplicationSettings.TicksPerHeartbeat)
        {
            _ticksSinceProgress = 0;
            _leader.Tell(new LeaderProgress(core.GetStatus()), Self);
        }

        await DrainAsync(waitForDurability: false).ConfigureAwait(true);
    }

    private async Task OnRaftMessageAsync(RaftMessage message)
    {
        if (message.Group != _options.Group || message.To != _options.Self)
        {
            return;
        }

        NoteAnswer(message);
        _core!.Step(message);
        NoteLeaderContact(message);
        await DrainAsync(waitForDurability: false).ConfigureAwait(true);
    }

    private void OnGetSyncStatus(GetSyncStatus request)
    {
        if (_leader is null)
        {
            Sender.Tell(new NotLeader(_core?.Leader));
            return;
        }

        _leader.Forward(request);
    }

    private static PersistedHardState ToPersisted(HardState state) =>
        new(state.Term, state.VotedFor?.Value, state.Commit);

    private sealed record Recover
    {
        public static Recover Instance { get; } = new();
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
