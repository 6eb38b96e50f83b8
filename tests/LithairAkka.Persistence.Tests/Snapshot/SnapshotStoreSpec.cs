using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Tests.Spec;
using LithairAkka.TestKit;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Snapshot;

/// <summary>
/// The snapshot-store contract, run against the default snapshot-store plugin of the configuration a subclass
/// passes. Every test starts with snapshots <c>"s-1"</c>..<c>"s-5"</c> of <see cref="PluginSpec.Pid"/> at sequence
/// numbers 1..5, taken one minute apart.
/// </summary>
public abstract class SnapshotStoreSpec : PluginSpec
{
    private static readonly DateTime Start = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    protected SnapshotStoreSpec(Config config, ITestOutputHelper? output)
        : base(config, output)
    {
        Probe = CreateTestProbe();
        Metadata = [.. Enumerable.Range(1, 5).Select(i => Save("s-" + i, i))];
    }

    /// <summary>The snapshot-store actor of the default plugin.</summary>
    protected IActorRef Store => Extension.SnapshotStoreFor(null);

    /// <summary>Receives the answers.</summary>
    protected TestProbe Probe { get; }

    /// <summary>The metadata of the five snapshots, by sequence number - 1.</summary>
    protected IReadOnlyList<SnapshotMetadata> Metadata { get; }

    [SpecFact]
    public void Load_UnknownPersistenceId_ReturnsNone()
    {
        Store.Tell(new LoadSnapshot(NewPid("none"), SnapshotSelectionCriteria.Latest, long.MaxValue), Probe.Ref);

        Probe.ExpectMsg<LoadSnapshotResult>(r => r.Snapshot is null && r.ToSequenceNr == long.MaxValue);
    }

    [SpecFact]
    public void Load_CriteriaMatchingNothing_ReturnsNone()
    {
        Store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.None, long.MaxValue), Probe.Ref);

        Probe.ExpectMsg<LoadSnapshotResult>(r => r.Snapshot is null);
    }

    [SpecFact]
    public void Load_Latest_ReturnsTheYoungest()
    {
        AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5);
    }

    [SpecFact]
    public void Load_MaxSequenceNr_ReturnsTheYoungestAtOrBelow()
    {
        AssertLoads(new SnapshotSelectionCriteria(3, DateTime.MaxValue), long.MaxValue, 3);
    }

    [SpecFact]
    public void Load_ToSequenceNr_LimitsTheCriteria()
    {
        AssertLoads(SnapshotSelectionCriteria.Latest, 3, 3);
    }

    [SpecFact]
    public void Load_MaxTimestamp_ReturnsTheYoungestTakenAtOrBefore()
    {
        AssertLoads(new SnapshotSelectionCriteria(long.MaxValue, Metadata[1].Timestamp), long.MaxValue, 2);
    }

    [SpecFact]
    public void Load_MinSequenceNrAboveAll_ReturnsNone()
    {
        Store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue, MinSequenceNr: 6), long.MaxValue), Probe.Ref);

        Probe.ExpectMsg<LoadSnapshotResult>(r => r.Snapshot is null);
    }

    [SpecFact]
    public void Load_MinTimestamp_BoundsFromBelow()
    {
        var criteria = new SnapshotSelectionCriteria(long.MaxValue, Metadata[2].Timestamp, MinTimestamp: Metadata[1].Timestamp);

        AssertLoads(criteria, long.MaxValue, 3);
    }

    [SpecFact]
    public void Load_Snapshot_KeepsTheTimestampToTheTick()
    {
        var loaded = AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5);

        Assert.Equal(Metadata[4].Timestamp, loaded.Metadata.Timestamp);
    }

    [SpecFact]
    public void DeleteSnapshot_Single_OnlyThatOneIsGone()
    {
        Store.Tell(new DeleteSnapshot(Metadata[2]), Probe.Ref);
        Probe.ExpectMsg<DeleteSnapshotSuccess>(m => m.Metadata == Metadata[2]);

        AssertLoads(new SnapshotSelectionCriteria(3, DateTime.MaxValue), long.MaxValue, 2);
        AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5);
    }

    [SpecFact]
    public void DeleteSnapshot_BySequenceNrWithoutTimestamp_DeletesIt()
    {
        Store.Tell(new DeleteSnapshot(new SnapshotMetadata(Pid, 5, DateTime.MinValue)), Probe.Ref);
        Probe.ExpectMsg<DeleteSnapshotSuccess>();

        AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 4);
    }

    [SpecFact]
    public void DeleteSnapshots_ByCriteria_DeletesTheMatchingOnes()
    {
        var criteria = new SnapshotSelectionCriteria(4, DateTime.MaxValue, MinSequenceNr: 2);
        Store.Tell(new DeleteSnapshots(Pid, criteria), Probe.Ref);
        Probe.ExpectMsg<DeleteSnapshotsSuccess>(m => m.Criteria == criteria);

        AssertLoads(new SnapshotSelectionCriteria(4, DateTime.MaxValue), long.MaxValue, 1);
        AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5);
    }

    [SpecFact]
    public void DeleteSnapshots_All_LeavesNone()
    {
        Store.Tell(new DeleteSnapshots(Pid, SnapshotSelectionCriteria.Latest), Probe.Ref);
        Probe.ExpectMsg<DeleteSnapshotsSuccess>();

        Store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), Probe.Ref);
        Probe.ExpectMsg<LoadSnapshotResult>(r => r.Snapshot is null);
    }

    [SpecFact]
    public void Save_SameSequenceNr_ReplacesTheSnapshot()
    {
        Save("s-5-again", 5);

        var loaded = AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5, "s-5-again");
        Assert.Equal("s-5-again", loaded.Snapshot);
    }

    [SpecFact]
    public void Save_StructuredSnapshot_LoadsAnEqualOne()
    {
        var state = new SpecEvent("state", 9, ["a", "b", "c"]);
        var metadata = new SnapshotMetadata(Pid, 10, Start.AddHours(1));
        Store.Tell(new SaveSnapshot(metadata, state), Probe.Ref);
        Probe.ExpectMsg<SaveSnapshotSuccess>();

        Store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), Probe.Ref);

        var loaded = Probe.ExpectMsg<LoadSnapshotResult>().Snapshot!;
        Assert.Equal(state, loaded.Snapshot);
        Assert.Equal(metadata, loaded.Metadata);
    }

    [SpecFact]
    public void Save_UnserializableSnapshot_FailsAndKeepsTheOldOnes()
    {
        var metadata = new SnapshotMetadata(Pid, 6, Start.AddHours(1));
        Store.Tell(new SaveSnapshot(metadata, new UnserializableEvent(typeof(int))), Probe.Ref);

        Probe.ExpectMsg<SaveSnapshotFailure>(m => m.Metadata == metadata);
        AssertLoads(SnapshotSelectionCriteria.Latest, long.MaxValue, 5);
    }

    private SnapshotMetadata Save(string snapshot, long sequenceNr)
    {
        var metadata = new SnapshotMetadata(Pid, sequenceNr, Start.AddMinutes(sequenceNr));
        Store.Tell(new SaveSnapshot(metadata, snapshot), Probe.Ref);
        Probe.ExpectMsg<SaveSnapshotSuccess>(m => m.Metadata == metadata);
        return metadata;
    }

    private SelectedSnapshot AssertLoads(SnapshotSelectionCriteria criteria, long toSequenceNr, long expectedSequenceNr, string? expected = null)
    {
        Store.Tell(new LoadSnapshot(Pid, criteria, toSequenceNr), Probe.Ref);
        var result = Probe.ExpectMsg<LoadSnapshotResult>();
        Assert.NotNull(result.Snapshot);
        Assert.Equal(expectedSequenceNr, result.Snapshot.Metadata.SequenceNr);
        Assert.Equal(Pid, result.Snapshot.Metadata.PersistenceId);
        Assert.Equal(expected ?? "s-" + expectedSequenceNr, result.Snapshot.Snapshot);
        return result.Snapshot;
    }
}
