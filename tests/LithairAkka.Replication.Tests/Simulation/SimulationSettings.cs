using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// Everything a simulation run depends on, derived from its seed: cluster size, core tuning and fault rates. Two runs
/// with the same settings produce the same history.
/// </summary>
internal sealed record SimulationSettings
{
    public required int Seed { get; init; }

    /// <summary>Founding voters (3 or 5); two more nodes wait as spares for membership changes.</summary>
    public required int Voters { get; init; }

    public int Spares { get; init; } = 2;

    public required RaftOptions Options { get; init; }

    /// <summary>Steps between two ticks of one node (each node has its own phase).</summary>
    public int StepsPerTick { get; init; } = 4;

    public required double DropRate { get; init; }

    public required double DuplicateRate { get; init; }

    /// <summary>Normal one-way delay is uniform in [1, MaxDelay] steps.</summary>
    public required int MaxDelay { get; init; }

    /// <summary>Probability that a message is held back long (up to <see cref="LongDelay"/> steps): reordering.</summary>
    public required double LongDelayRate { get; init; }

    public int LongDelay { get; init; } = 60;

    public required double CrashRate { get; init; }

    public required double RestartRate { get; init; }

    public required double PartitionRate { get; init; }

    public required double HealRate { get; init; }

    public required double ProposeRate { get; init; }

    public required double ReadRate { get; init; }

    public required double SnapshotRate { get; init; }

    public required double MembershipRate { get; init; }

    public required double TransferRate { get; init; }

    /// <summary>Probability that a node that just became leader is cut off at once (orphaning its term's entries).</summary>
    public required double NewLeaderIsolationRate { get; init; }

    /// <summary>Probability that a leader dies right after sending a Ready whose commit index advanced.</summary>
    public required double LeaderCommitCrashRate { get; init; }

    /// <summary>Whether Readies are often carried out a few steps after being taken, with inputs in between.</summary>
    public required bool AsyncPersistence { get; init; }

    /// <summary>Probability per step that a node's failure detector suspects the leader (<c>Campaign()</c>).</summary>
    public required double SuspicionRate { get; init; }

    /// <summary>Chaos periods, each followed by a calm period in which liveness is checked.</summary>
    public int Cycles { get; init; } = 4;

    public int ChaosSteps { get; init; } = 1000;

    /// <summary>After healing, a leader must be elected and a proposal committed within this many ticks.</summary>
    public int LivenessBoundTicks { get; init; } = 150;

    /// <summary>Records a readable trace of events (costly; for replaying one seed).</summary>
    public bool Trace { get; init; }

    /// <summary>Derives the settings of one seed. <paramref name="plantCommitBug"/> breaks the commit rule on purpose.</summary>
    public static SimulationSettings ForSeed(int seed, bool plantCommitBug = false, bool trace = false)
    {
        var random = new Random(seed);
        double Between(double min, double max) => min + (random.NextDouble() * (max - min));
        var preVote = random.NextDouble() < 0.8;
        var checkQuorum = random.NextDouble() < 0.8;
        var options = new RaftOptions
        {
            ElectionTimeoutMinTicks = 10,
            ElectionTimeoutMaxTicks = 20,
            HeartbeatTicks = 2,
            PreVote = preVote,
            CheckQuorum = checkQuorum,
            MaxInflightMessages = random.Next(1, 9),
            MaxEntriesPerMessage = random.Next(1, 6),
            MaxBytesPerMessage = random.Next(40, 400),
        };
        var settings = new SimulationSettings
        {
            Seed = seed,
            Voters = random.NextDouble() < 0.5 ? 3 : 5,
            Options = options,
            DropRate = Between(0, 0.15),
            DuplicateRate = Between(0, 0.05),
            MaxDelay = random.Next(1, 11),
            LongDelayRate = Between(0, 0.05),
            CrashRate = Between(0.0005, 0.004),
            RestartRate = Between(0.005, 0.03),
            PartitionRate = Between(0.001, 0.006),
            HealRate = Between(0.002, 0.01),
            ProposeRate = Between(0.1, 0.5),
            ReadRate = Between(0, 0.1),
            SnapshotRate = Between(0, 0.02),
            // Without pre-vote and check-quorum a removed node that never learned of its removal disrupts the group
            // forever (thesis §4.2.3): membership changes need at least one of them.
            MembershipRate = preVote || checkQuorum ? Between(0, 0.006) : 0,
            TransferRate = Between(0, 0.003),
            AsyncPersistence = random.NextDouble() < 0.5,
            SuspicionRate = Between(0, 0.003),
            NewLeaderIsolationRate = Between(0, 0.2),
            LeaderCommitCrashRate = Between(0, 0.02),
            Trace = trace,
        };
        // Every fourth seed runs the harsh profile (with the correct commit rule): the storm the planted bug needs.
        return plantCommitBug || seed % 4 == 0 ? Harsh(settings, plantCommitBug) : settings;
    }

    /// <summary>
    /// Figure 8 needs several leaders in quick succession whose entries stay on a minority: five voters, leaders cut
    /// off and crashed often, one entry per message, and no pre-vote or check-quorum to dampen elections.
    /// </summary>
    private static SimulationSettings Harsh(SimulationSettings settings, bool plantCommitBug) => settings with
    {
        Voters = 5,
        Options = new RaftOptions
        {
            ElectionTimeoutMinTicks = settings.Options.ElectionTimeoutMinTicks,
            ElectionTimeoutMaxTicks = settings.Options.ElectionTimeoutMaxTicks,
            HeartbeatTicks = settings.Options.HeartbeatTicks,
            PreVote = false,
            CheckQuorum = false,
            MaxInflightMessages = 1,
            MaxEntriesPerMessage = 1,
            UnsafeCommitOldTermEntries = plantCommitBug,
        },
        CrashRate = 0.01,
        RestartRate = 0.05,
        PartitionRate = 0.02,
        HealRate = 0.03,
        MembershipRate = 0,
        NewLeaderIsolationRate = 0.6,
        LeaderCommitCrashRate = 0.3,
        Cycles = 2,
        ChaosSteps = 1500,
    };
}
