using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// The host of one core in the simulation, as the actor layer will be: feeds it messages and ticks, and carries out
/// each Ready in the contract's order (persist, send, apply, advance), with crash points in between. After a crash
/// only <see cref="Storage"/> survives.
/// </summary>
internal sealed class SimNode
{
    private readonly Simulation _simulation;
    private readonly Dictionary<(long Index, long Term), AppliedRecord[]> _receivedSnapshots = [];
    private long _observedCommit;
    private (Ready Ready, long DoneAt)? _inFlight;

    public SimNode(Simulation simulation, NodeId id, RaftPersistentState initial, int tickPhase)
    {
        _simulation = simulation;
        Id = id;
        TickPhase = tickPhase;
        Storage = new SimStorage(initial.Snapshot) { HardState = initial.HardState };
    }

    public NodeId Id { get; }

    public int TickPhase { get; }

    public int Incarnation { get; private set; }

    public RaftCore? Core { get; private set; }

    public bool IsAlive => Core is not null;

    public SimStorage Storage { get; }

    /// <summary>The state machine: the record of every applied index, 1..n.</summary>
    public List<AppliedRecord> StateMachine { get; } = [];

    /// <summary>Proposals accepted by this incarnation's core, by index: acknowledged when applied with their term.</summary>
    public Dictionary<long, (long Term, long Id)> Proposals { get; } = [];

    public CrashPoint PendingCrash { get; set; }

    public void Start(Random random)
    {
        Incarnation++;
        _observedCommit = Storage.HardState.Commit;
        StateMachine.Clear();
        StateMachine.AddRange(Storage.SnapshotData);
        Core = new RaftCore(Id, Simulation.Group, _simulation.Settings.Options, Storage.ToPersistentState(), random);
        _simulation.Trace($"{Id} starts (incarnation {Incarnation}) term {Core.Term} log [{Core.GetStatus().FirstIndex}, {Core.LastIndex}]");
    }

    public void Crash()
    {
        _simulation.Trace($"{Id} crashes");
        Core = null;
        _inFlight = null;
        Proposals.Clear();
        _receivedSnapshots.Clear();
        PendingCrash = CrashPoint.None;
        _simulation.Stats.Crashes++;
    }

    public void Deliver(SimEnvelope envelope)
    {
        if (envelope is { Message: InstallSnapshotRequest request, Snapshot: { } data })
        {
            _receivedSnapshots[(request.Snapshot.Index, request.Snapshot.Term)] = data;
        }

        Core!.Step(envelope.Message);
        AfterInput();
    }

    public void Tick()
    {
        Core!.Tick();
        AfterInput();
    }

    public ProposeResult Propose(long proposalId)
    {
        var result = Core!.Propose(AppliedRecord.Payload(proposalId));
        if (result.IsAccepted)
        {
            Proposals[result.Index] = (result.Term, proposalId);
        }

        AfterInput();
        return result;
    }

    /// <summary>
    /// Lets the core react to an input: takes its Ready and carries it out, at once or, with asynchronous persistence,
    /// a few steps later (the core keeps taking inputs meanwhile, as an actor does while its log store writes).
    /// </summary>
    public void AfterInput()
    {
        _simulation.Checker.ObserveLeadership(this);
        while (_inFlight is null && Core is { } core && core.HasReady)
        {
            var ready = core.GetReady();
            var delay = _simulation.PersistDelay();
            if (delay > 0)
            {
                _inFlight = (ready, _simulation.Now + delay);
                return;
            }

            CarryOut(ready);
        }
    }

    /// <summary>Finishes a Ready whose asynchronous persistence is due.</summary>
    public void Pump()
    {
        if (_inFlight is { } inFlight && inFlight.DoneAt <= _simulation.Now)
        {
            _inFlight = null;
            CarryOut(inFlight.Ready);
            AfterInput();
        }
    }

    /// <summary>The host takes a snapshot of its state machine at an applied index and compacts the log.</summary>
    public void TakeSnapshot(Random random)
    {
        var core = Core!;
        if (core.AppliedIndex <= core.SnapshotIndex)
        {
            // Nothing new applied, or a snapshot from the leader is still being installed.
            return;
        }

        var index = random.NextInt64(core.SnapshotIndex + 1, core.AppliedIndex + 1);
        var metadata = core.CreateSnapshotMetadata(index);
        var data = StateMachine.GetRange(0, (int)index).ToArray();
        _simulation.Checker.OnSnapshot(Id, metadata, data);
        Storage.Compact(metadata, data);
        core.Compact(metadata);
        _simulation.Trace($"{Id} snapshots at ({metadata.Index}, {metadata.Term})");
        AfterInput();
    }

    private void CarryOut(Ready ready)
    {
        var core = Core!;
        if (PendingCrash == CrashPoint.BeforePersist)
        {
            Crash();
            return;
        }

        Persist(ready);
        if (PendingCrash == CrashPoint.AfterPersist)
        {
            Crash();
            return;
        }

        foreach (var message in ready.Messages)
        {
            Send(message);
        }

        if (PendingCrash == CrashPoint.AfterSend)
        {
            Crash();
            return;
        }

        Apply(ready);
        core.Advance(ready);
        _simulation.Checker.ObserveLeadership(this);
    }

    private void Persist(Ready ready)
    {
        if (ready.Snapshot is { } snapshot)
        {
            if (!_receivedSnapshots.TryGetValue((snapshot.Index, snapshot.Term), out var data))
            {
                throw new SimulationViolationException($"{Id} was asked to install snapshot ({snapshot.Index}, {snapshot.Term}) it never received.");
            }

            _simulation.Checker.OnSnapshot(Id, snapshot, data);
            Storage.Install(snapshot, data);
            StateMachine.Clear();
            StateMachine.AddRange(data);

            // A newer snapshot may have arrived while this one waited in an in-flight Ready: keep it.
            foreach (var key in _receivedSnapshots.Keys.Where(k => k.Index <= snapshot.Index).ToList())
            {
                _receivedSnapshots.Remove(key);
            }

            _simulation.Stats.SnapshotsInstalled++;
            _simulation.Trace($"{Id} installs snapshot ({snapshot.Index}, {snapshot.Term})");
        }

        if (ready.HardState is { } hardState)
        {
            Storage.HardState = hardState;
        }

        if (ready.Entries.Count > 0)
        {
            var prevTerm = Storage.TermAt(ready.Entries[0].Index - 1)
                ?? throw new SimulationViolationException($"{Id} persists entries from {ready.Entries[0].Index} after a gap.");
            _simulation.Checker.OnPersisted(Id, ready.Entries, prevTerm);
            Storage.Append(ready.Entries);
        }

        if (ready.HardState is { } state)
        {
            var advanced = state.Commit > _observedCommit;
            _observedCommit = state.Commit;
            _simulation.Checker.OnCommitIndex(this, state.Commit, state.Term);
            if (advanced && Core!.Role == NodeRole.Leader)
            {
                _simulation.OnLeaderCommitted(this);
            }
        }

        if (ready.SoftState is { } soft)
        {
            _simulation.Trace($"{Id} is {soft.Role} in term {soft.Term} (leader {soft.Leader?.ToString() ?? "-"})");
            if (soft.Role == NodeRole.Leader)
            {
                _simulation.OnNewLeader(this);
            }
        }
    }

    private void Send(RaftMessage message)
    {
        if (message is InstallSnapshotRequest request)
        {
            // The host ships its latest snapshot, which may be newer than the one the core named.
            var substituted = request with { Snapshot = Storage.Snapshot };
            _simulation.SendSnapshot(this, substituted, Storage.SnapshotData);
            return;
        }

        _simulation.Network.Send(_simulation.Now, message, null, null);
    }

    private void Apply(Ready ready)
    {
        foreach (var entry in ready.CommittedEntries)
        {
            var record = AppliedRecord.Of(entry);
            _simulation.Checker.OnApplied(Id, record, StateMachine.Count + 1);
            StateMachine.Add(record);
            if (Proposals.Remove(entry.Index, out var proposal) && proposal.Term == entry.Term && proposal.Id == record.Key)
            {
                _simulation.Checker.OnAcknowledged(Id, record);
            }
        }

        foreach (var read in ready.ReadStates)
        {
            _simulation.Checker.OnReadState(Id, read, StateMachine.Count);
        }
    }
}
