using LithairAkka.Hocon;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Settings;

/// <summary>
/// The <c>lithair.replication</c> section (INTERFACE.md §8), bound and validated. Immutable and thread-safe.
/// </summary>
public sealed record ReplicationSettings
{
    /// <summary>The HOCON path of the section.</summary>
    public const string SectionPath = "lithair.replication";

    /// <summary>Largest snapshot chunk sent in one message: remote frames are limited to 128 KiB.</summary>
    public const int MaxFrameChunkSize = 96 * 1024;

    /// <summary>Leader election mode.</summary>
    public ElectionMode Election { get; init; } = ElectionMode.Auto;

    /// <summary>When writes are acknowledged.</summary>
    public WriteConsistency WriteConsistency { get; init; } = WriteConsistency.Quorum;

    /// <summary>Most entries per append message.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Longest a proposal waits to be batched with others (batches close once queued proposals are handled); zero turns batching off.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Append batches the leader keeps in flight to one follower (flow control); more wait and are merged.</summary>
    public int MaxInflightBatches { get; init; } = 8;

    /// <summary>Lag (in entries) above which a follower is reported <c>desynced</c>.</summary>
    public long ResyncThreshold { get; init; } = 1000;

    /// <summary>Applied entries between two snapshots.</summary>
    public long SnapshotThreshold { get; init; } = 10000;

    /// <summary>Configured snapshot chunk size in bytes; see <see cref="EffectiveChunkSize"/>.</summary>
    public long SnapshotChunkSize { get; init; } = 1024 * 1024;

    /// <summary>Longest a snapshot transfer may take before it is reported failed.</summary>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Shortest election timeout.</summary>
    public TimeSpan ElectionTimeoutMin { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Longest election timeout.</summary>
    public TimeSpan ElectionTimeoutMax { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Leader heartbeat period; also the tick length of the consensus core divided by <see cref="TicksPerHeartbeat"/>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Oldest a follower read may be relative to the leader's last contact.</summary>
    public TimeSpan MaxFollowerStaleness { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Bound on the clock drift between nodes assumed by the hybrid logical clock (<c>max-clock-drift</c>): a
    /// timestamp leading the local wall clock by more is not adopted.
    /// </summary>
    public TimeSpan MaxClockDrift { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Assembly-qualified type name of the state machine, or empty for the built-in key-value store.</summary>
    public string StateMachine { get; init; } = string.Empty;

    /// <summary>Core ticks in one heartbeat interval.</summary>
    public const int TicksPerHeartbeat = 5;

    /// <summary>Length of one core tick.</summary>
    public TimeSpan TickInterval => HeartbeatInterval / TicksPerHeartbeat;

    /// <summary>The chunk size actually used: the configured size, capped below the remote frame limit.</summary>
    public int EffectiveChunkSize => (int)Math.Min(SnapshotChunkSize, MaxFrameChunkSize);

    /// <summary>Binds the section at <see cref="SectionPath"/> of <paramref name="config"/>; absent keys take their defaults.</summary>
    /// <exception cref="ConfigurationException">A key has a wrong type or an invalid value; the message names it.</exception>
    public static ReplicationSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ReplicationSettings();
        var s = config.HasPath(SectionPath) ? config.GetConfig(SectionPath) : Config.Empty;
        var settings = new ReplicationSettings
        {
            Election = ParseEnum(s.GetString("election", "auto"), "election", ElectionMode.Auto, ElectionMode.Static),
            WriteConsistency = ParseEnum(
                s.GetString("write-consistency", "quorum"), "write-consistency", WriteConsistency.Quorum, WriteConsistency.Async),
            BatchSize = s.GetInt("batch-size", d.BatchSize),
            FlushInterval = s.GetTimeSpan("flush-interval", d.FlushInterval),
            MaxInflightBatches = s.GetInt("max-inflight-batches", d.MaxInflightBatches),
            ResyncThreshold = s.GetLong("resync-threshold", d.ResyncThreshold),
            SnapshotThreshold = s.GetLong("snapshot-threshold", d.SnapshotThreshold),
            SnapshotChunkSize = s.GetByteSize("snapshot-chunk-size", d.SnapshotChunkSize),
            SnapshotTimeout = s.GetTimeSpan("snapshot-timeout", d.SnapshotTimeout),
            ElectionTimeoutMin = s.GetTimeSpan("election-timeout-min", d.ElectionTimeoutMin),
            ElectionTimeoutMax = s.GetTimeSpan("election-timeout-max", d.ElectionTimeoutMax),
            HeartbeatInterval = s.GetTimeSpan("heartbeat-interval", d.HeartbeatInterval),
            MaxFollowerStaleness = s.GetTimeSpan("max-follower-staleness", d.MaxFollowerStaleness),
            MaxClockDrift = s.GetTimeSpan("max-clock-drift", d.MaxClockDrift),
            StateMachine = s.GetString("state-machine", d.StateMachine),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public void Validate()
    {
        Require(BatchSize >= 1, "batch-size", "must be at least 1");
        Require(FlushInterval >= TimeSpan.Zero, "flush-interval", "must not be negative");
        Require(MaxInflightBatches >= 1, "max-inflight-batches", "must be at least 1");
        Require(ResyncThreshold >= 1, "resync-threshold", "must be at least 1");
        Require(SnapshotThreshold >= 1, "snapshot-threshold", "must be at least 1");
        Require(SnapshotChunkSize >= 1024, "snapshot-chunk-size", "must be at least 1KiB");
        Require(SnapshotTimeout > TimeSpan.Zero, "snapshot-timeout", "must be positive");
        Require(HeartbeatInterval >= TimeSpan.FromMilliseconds(TicksPerHeartbeat), "heartbeat-interval", "must be at least 5ms");
        Require(ElectionTimeoutMin > HeartbeatInterval, "election-timeout-min", "must be greater than heartbeat-interval");
        Require(ElectionTimeoutMax >= ElectionTimeoutMin, "election-timeout-max", "must be at least election-timeout-min");
        Require(MaxFollowerStaleness > TimeSpan.Zero, "max-follower-staleness", "must be positive");
        Require(MaxClockDrift >= TimeSpan.Zero, "max-clock-drift", "must not be negative");
    }

    /// <summary>The consensus core options: election timeouts and heartbeat expressed in ticks of <see cref="TickInterval"/>.</summary>
    /// <param name="canCampaign">Whether the node may stand for election (off on the followers of a static election).</param>
    public RaftOptions ToRaftOptions(bool canCampaign = true) => new()
    {
        CanCampaign = canCampaign,
        HeartbeatTicks = TicksPerHeartbeat,
        ElectionTimeoutMinTicks = Math.Max(TicksPerHeartbeat + 1, (int)(ElectionTimeoutMin / TickInterval)),
        ElectionTimeoutMaxTicks = Math.Max(TicksPerHeartbeat + 1, (int)(ElectionTimeoutMax / TickInterval)),
        MaxEntriesPerMessage = BatchSize,
        MaxBytesPerMessage = MaxFrameChunkSize,
    };

    private static void Require(bool condition, string key, string problem)
    {
        if (!condition)
        {
            throw new ConfigurationException($"{SectionPath}.{key} {problem}.", $"{SectionPath}.{key}", null, 0, 0);
        }
    }

    private static T ParseEnum<T>(string text, string key, T first, T second)
        where T : struct, Enum
    {
        if (string.Equals(text, first.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return first;
        }

        if (string.Equals(text, second.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return second;
        }

        throw new ConfigurationException(
            $"{SectionPath}.{key} must be {first.ToString().ToLowerInvariant()} or {second.ToString().ToLowerInvariant()}, not '{text}'.",
            $"{SectionPath}.{key}", null, 0, 0);
    }
}
