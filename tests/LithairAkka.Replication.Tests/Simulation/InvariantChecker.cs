using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// Checks Raft's safety properties continuously, from what the hosts observe: election safety, log matching, leader
/// completeness (including every acknowledged write), state-machine safety, in-order exactly-once application and
/// linearizable reads. A broken property throws <see cref="SimulationViolationException"/>.
/// </summary>
internal sealed class InvariantChecker
{
    private readonly Simulation _simulation;
    private readonly Dictionary<long, NodeId> _leaders = [];
    private readonly Dictionary<(long Index, long Term), (long Key, long PrevTerm)> _entries = [];
    private readonly Dictionary<long, (AppliedRecord Record, long ObservedTerm)> _committed = [];
    private readonly Dictionary<long, AppliedRecord> _applied = [];
    private readonly HashSet<long> _acknowledgedIndexes = [];
    private readonly Dictionary<long, long> _readFloors = [];

    public InvariantChecker(Simulation simulation) => _simulation = simulation;

    /// <summary>The highest index of an acknowledged write so far: any later read must see it.</summary>
    public long MaxAcknowledgedIndex { get; private set; }

    public HashSet<long> AcknowledgedProposals { get; } = [];

    public HashSet<long> CompletedReads { get; } = [];

    /// <summary>Election safety (at most one leader per term, ever) and, at the start of a leadership, completeness.</summary>
    public void ObserveLeadership(SimNode node)
    {
        if (node.Core is not { Role: NodeRole.Leader } core)
        {
            return;
        }

        if (_leaders.TryGetValue(core.Term, out var other))
        {
            if (other != node.Id)
            {
                Fail($"election safety: {other} and {node.Id} are both leaders of term {core.Term}");
            }

            return;
        }

        _leaders[core.Term] = node.Id;
        _simulation.Stats.Leaders++;
        var log = core.Log;
        foreach (var (index, (record, observedTerm)) in _committed)
        {
            // Entries committed in a term below this one must be in this leader's log (Raft §5.4, Leader
            // Completeness). The observed term bounds the commit term from above, so the check is sound.
            if (observedTerm >= core.Term || index < log.Snapshot.Index)
            {
                continue;
            }

            if (log.TermAt(index) != record.Term)
            {
                var what = _acknowledgedIndexes.Contains(index) ? "acknowledged write" : "committed entry";
                Fail($"leader completeness: {node.Id}, leader of term {core.Term}, lacks the {what} ({index}, {record.Term}) " +
                    $"committed by term {observedTerm}; it has term {log.TermAt(index)?.ToString() ?? "none"} there");
            }
        }
    }

    /// <summary>Log matching: an (index, term) pair always names the same entry with the same predecessor term.</summary>
    public void OnPersisted(NodeId node, IReadOnlyList<LogEntry> entries, long prevTermOfFirst)
    {
        var prevTerm = prevTermOfFirst;
        foreach (var entry in entries)
        {
            if (entry.Term < prevTerm)
            {
                Fail($"log order: {node} stores ({entry.Index}, {entry.Term}) after an entry of term {prevTerm}");
            }

            var key = AppliedRecord.KeyOf(entry);
            if (_entries.TryGetValue((entry.Index, entry.Term), out var known))
            {
                if (known != (key, prevTerm))
                {
                    Fail($"log matching: {node} stores ({entry.Index}, {entry.Term}) as key {key} after term {prevTerm}, " +
                        $"elsewhere it is key {known.Key} after term {known.PrevTerm}");
                }
            }
            else
            {
                _entries[(entry.Index, entry.Term)] = (key, prevTerm);
            }

            prevTerm = entry.Term;
        }
    }

    /// <summary>Records what a node's commit index covers; two nodes must never commit different entries.</summary>
    public void OnCommitIndex(SimNode node, long commit, long term)
    {
        for (var index = Math.Max(node.Storage.Snapshot.Index + 1, 1); index <= commit; index++)
        {
            var entry = node.Storage.EntryAt(index)
                ?? throw new SimulationViolationException($"{node.Id} persisted commit index {commit} beyond its stored log.");
            var record = AppliedRecord.Of(entry);
            if (_committed.TryGetValue(index, out var known))
            {
                if (known.Record != record)
                {
                    Fail($"commit safety: {node.Id} commits {record} at {index}, previously committed {known.Record}");
                }
            }
            else
            {
                _committed[index] = (record, term);
            }
        }
    }

    /// <summary>State-machine safety, order and exactly-once: index n is applied right after n-1, and identically everywhere.</summary>
    public void OnApplied(NodeId node, AppliedRecord record, long expectedIndex)
    {
        if (record.Index != expectedIndex)
        {
            Fail($"apply order: {node} applies index {record.Index}, expected {expectedIndex}");
        }

        if (!_committed.TryGetValue(record.Index, out var committed) || committed.Record != record)
        {
            Fail($"apply: {node} applies {record}, which was not observed committed");
        }

        CheckApplied(node, record);
    }

    public void OnAcknowledged(NodeId node, AppliedRecord record)
    {
        _acknowledgedIndexes.Add(record.Index);
        AcknowledgedProposals.Add(record.Key);
        MaxAcknowledgedIndex = Math.Max(MaxAcknowledgedIndex, record.Index);
        _simulation.Stats.Acknowledged++;
        _simulation.Trace($"{node} acknowledges proposal {record.Key} at ({record.Index}, {record.Term})");
    }

    /// <summary>A snapshot (taken or installed) must be the state machine every node applied up to its index.</summary>
    public void OnSnapshot(NodeId node, SnapshotMetadata metadata, AppliedRecord[] data)
    {
        if (data.Length != metadata.Index || (metadata.Index > 0 && data[^1].Term != metadata.Term))
        {
            Fail($"snapshot: {node} handles snapshot ({metadata.Index}, {metadata.Term}) whose data does not end there");
        }

        foreach (var record in data)
        {
            CheckApplied(node, record);
        }
    }

    public void OnReadIssued(long readId) => _readFloors[readId] = MaxAcknowledgedIndex;

    /// <summary>Linearizable reads: the read index covers every write acknowledged before the read was issued, and the
    /// state machine reached it.</summary>
    public void OnReadState(NodeId node, ReadState read, long appliedIndex)
    {
        if (!_readFloors.TryGetValue(read.RequestId, out var floor))
        {
            Fail($"read: {node} releases read {read.RequestId} that was never issued");
        }

        if (read.Index < floor)
        {
            Fail($"linearizability: {node} serves read {read.RequestId} at index {read.Index}, below write {floor} acknowledged before it was issued");
        }

        if (appliedIndex < read.Index)
        {
            Fail($"read: {node} serves read {read.RequestId} at index {read.Index} with only {appliedIndex} applied");
        }

        if (CompletedReads.Add(read.RequestId))
        {
            _simulation.Stats.ReadsServed++;
        }
    }

    private void CheckApplied(NodeId node, AppliedRecord record)
    {
        if (_applied.TryGetValue(record.Index, out var known))
        {
            if (known != record)
            {
                Fail($"state machine safety: {node} applies {record} where another node applied {known}");
            }
        }
        else
        {
            _applied[record.Index] = record;
        }
    }

    private static void Fail(string message) => throw new SimulationViolationException(message);
}
