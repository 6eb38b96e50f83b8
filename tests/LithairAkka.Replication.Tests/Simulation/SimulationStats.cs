namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>Counters of what a run exercised, to show the faults actually happened.</summary>
internal sealed class SimulationStats
{
    public int Leaders { get; set; }

    public int Acknowledged { get; set; }

    public int ReadsServed { get; set; }

    public int Crashes { get; set; }

    public int Partitions { get; set; }

    public int SnapshotsTaken { get; set; }

    public int SnapshotsInstalled { get; set; }

    public int ConfigChanges { get; set; }

    public int Transfers { get; set; }

    public void Add(SimulationStats other)
    {
        Leaders += other.Leaders;
        Acknowledged += other.Acknowledged;
        ReadsServed += other.ReadsServed;
        Crashes += other.Crashes;
        Partitions += other.Partitions;
        SnapshotsTaken += other.SnapshotsTaken;
        SnapshotsInstalled += other.SnapshotsInstalled;
        ConfigChanges += other.ConfigChanges;
        Transfers += other.Transfers;
    }

    public override string ToString() =>
        $"leaders {Leaders}, acknowledged writes {Acknowledged}, reads {ReadsServed}, crashes {Crashes}, partitions {Partitions}, " +
        $"snapshots taken {SnapshotsTaken} / installed {SnapshotsInstalled}, config changes {ConfigChanges}, transfers {Transfers}";
}
