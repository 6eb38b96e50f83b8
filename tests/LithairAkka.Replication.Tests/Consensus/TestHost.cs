using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

/// <summary>
/// A minimal host for one core in unit tests: carries out each Ready the way the contract says (persist, send,
/// apply) into in-memory "disk" and state machine, and can restart the core from what it persisted.
/// </summary>
internal sealed class TestHost
{
    private readonly RaftOptions _options;
    private readonly int _seed;

    public TestHost(NodeId id, RaftOptions options, RaftPersistentState state, int seed)
    {
        Id = id;
        _options = options;
        _seed = seed;
        HardState = state.HardState;
        Snapshot = state.Snapshot;
        Entries = [.. state.Entries];
        Core = new RaftCore(id, TestCluster.Group, options, state, new Random(seed));
    }

    public NodeId Id { get; }

    public RaftCore Core { get; private set; }

    public HardState HardState { get; private set; }

    public SnapshotMetadata Snapshot { get; private set; }

    public List<LogEntry> Entries { get; }

    /// <summary>Entries applied to the state machine, in order (reset to nothing by a snapshot install).</summary>
    public List<LogEntry> Applied { get; } = [];

    public List<ReadState> Reads { get; } = [];

    public List<SoftState> SoftStates { get; } = [];

    /// <summary>Processes every pending Ready; returns the messages to send.</summary>
    public List<RaftMessage> Drain()
    {
        var outgoing = new List<RaftMessage>();
        while (Core.HasReady)
        {
            var ready = Core.GetReady();
            if (ready.SoftState is { } soft)
            {
                SoftStates.Add(soft);
            }

            if (ready.Snapshot is { } snapshot)
            {
                Snapshot = snapshot;
                Entries.Clear();
                Applied.Clear();
            }

            if (ready.HardState is { } hard)
            {
                HardState = hard;
            }

            if (ready.Entries.Count > 0)
            {
                Entries.RemoveAll(e => e.Index >= ready.Entries[0].Index);
                Entries.AddRange(ready.Entries);
            }

            outgoing.AddRange(ready.Messages);
            Applied.AddRange(ready.CommittedEntries);
            Reads.AddRange(ready.ReadStates);
            Core.Advance(ready);
        }

        return outgoing;
    }

    /// <summary>Replaces the core by a new one built from what was persisted, as after a crash.</summary>
    public void Restart()
    {
        Core = new RaftCore(Id, TestCluster.Group, _options, new RaftPersistentState(HardState, Snapshot, [.. Entries]), new Random(_seed + 1));
        Applied.Clear();
    }

    /// <summary>The payloads of applied normal entries, as strings.</summary>
    public List<string> AppliedCommands() =>
        [.. Applied.Where(e => e.Kind == EntryKind.Normal).Select(e => System.Text.Encoding.UTF8.GetString(e.Payload.Span))];
}
