using System.Collections.Immutable;
using System.Globalization;
using LithairAkka.Hocon;

namespace LithairAkka.Cluster;

/// <summary>Binding from HOCON and validation.</summary>
public sealed partial record ClusterSettings
{
    private const string Prefix = "akka.cluster.";
    private const string Fd = Prefix + "failure-detector.";
    private const string Sbr = Prefix + "split-brain-resolver.";

    /// <summary>
    /// Binds <c>akka.cluster</c> from <paramref name="config"/> (absolute paths; a missing key takes its default) and
    /// validates the result.
    /// </summary>
    /// <param name="config">The node's configuration (root).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A key has the wrong type or an invalid value; the message names it.</exception>
    public static ClusterSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        var fd = d.FailureDetector;
        var sbr = d.SplitBrainResolver;
        var strategy = config.GetString(Sbr + "active-strategy", sbr.ActiveStrategy).Trim().ToLowerInvariant();
        var settings = new ClusterSettings
        {
            SeedNodes = ReadSeedNodes(config),
            SeedNodeTimeout = config.GetTimeSpan(Prefix + "seed-node-timeout", d.SeedNodeTimeout),
            RetryUnsuccessfulJoinAfter = ReadSwitchableDuration(config, Prefix + "retry-unsuccessful-join-after", d.RetryUnsuccessfulJoinAfter),
            ShutdownAfterUnsuccessfulJoinSeedNodes =
                ReadSwitchableDuration(config, Prefix + "shutdown-after-unsuccessful-join-seed-nodes", d.ShutdownAfterUnsuccessfulJoinSeedNodes),
            Roles = [.. config.GetStringList(Prefix + "roles", [])],
            AppVersion = ReadAppVersion(config),
            MinNrOfMembers = config.GetInt(Prefix + "min-nr-of-members", d.MinNrOfMembers),
            MinNrOfMembersOfRole = ReadRoleMinimums(config),
            PeriodicTasksInitialDelay = config.GetTimeSpan(Prefix + "periodic-tasks-initial-delay", d.PeriodicTasksInitialDelay),
            GossipInterval = config.GetTimeSpan(Prefix + "gossip-interval", d.GossipInterval),
            GossipTimeToLive = config.GetTimeSpan(Prefix + "gossip-time-to-live", d.GossipTimeToLive),
            GossipDifferentViewProbability = config.GetDouble(Prefix + "gossip-different-view-probability", d.GossipDifferentViewProbability),
            ReduceGossipDifferentViewProbability = config.GetInt(Prefix + "reduce-gossip-different-view-probability", d.ReduceGossipDifferentViewProbability),
            LeaderActionsInterval = config.GetTimeSpan(Prefix + "leader-actions-interval", d.LeaderActionsInterval),
            UnreachableNodesReaperInterval = config.GetTimeSpan(Prefix + "unreachable-nodes-reaper-interval", d.UnreachableNodesReaperInterval),
            WeaklyUpAfter = ReadSwitchableDuration(config, Prefix + "allow-weakly-up-members", d.WeaklyUpAfter, onValue: TimeSpan.FromSeconds(7))
                ?? TimeSpan.Zero,
            DownRemovalMargin = ReadSwitchableDuration(config, Prefix + "down-removal-margin", null) ?? TimeSpan.Zero,
            PruneGossipTombstonesAfter = config.GetTimeSpan(Prefix + "prune-gossip-tombstones-after", d.PruneGossipTombstonesAfter),
            DowningProviderClass = config.GetString(Prefix + "downing-provider-class", d.DowningProviderClass).Trim(),
            RunCoordinatedShutdownWhenDown = config.GetBoolean(Prefix + "run-coordinated-shutdown-when-down", d.RunCoordinatedShutdownWhenDown),
            FailureDetector = new ClusterFailureDetectorSettings
            {
                HeartbeatInterval = config.GetTimeSpan(Fd + "heartbeat-interval", fd.HeartbeatInterval),
                Threshold = config.GetDouble(Fd + "threshold", fd.Threshold),
                MaxSampleSize = config.GetInt(Fd + "max-sample-size", fd.MaxSampleSize),
                MinStdDeviation = config.GetTimeSpan(Fd + "min-std-deviation", fd.MinStdDeviation),
                AcceptableHeartbeatPause = config.GetTimeSpan(Fd + "acceptable-heartbeat-pause", fd.AcceptableHeartbeatPause),
                ExpectedResponseAfter = config.GetTimeSpan(Fd + "expected-response-after", fd.ExpectedResponseAfter),
                MonitoredByNrOfMembers = config.GetInt(Fd + "monitored-by-nr-of-members", fd.MonitoredByNrOfMembers),
            },
            SplitBrainResolver = new SplitBrainResolverSettings
            {
                ActiveStrategy = strategy,
                StableAfter = config.GetTimeSpan(Sbr + "stable-after", sbr.StableAfter),
                DownAllWhenUnstable = ReadDownAllWhenUnstable(config),
                KeepMajorityRole = ReadRole(config, Sbr + "keep-majority.role"),
                StaticQuorumSize = ReadQuorumSize(config, strategy == SplitBrainResolverSettings.StaticQuorumName),
                StaticQuorumRole = ReadRole(config, Sbr + "static-quorum.role"),
                KeepOldestDownIfAlone = config.GetBoolean(Sbr + "keep-oldest.down-if-alone", sbr.KeepOldestDownIfAlone),
                KeepOldestRole = ReadRole(config, Sbr + "keep-oldest.role"),
            },
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value's range.</summary>
    /// <exception cref="ConfigurationException">A value is out of range; the message names its HOCON key.</exception>
    public void Validate()
    {
        Require(SeedNodeTimeout > TimeSpan.Zero, Prefix + "seed-node-timeout", "must be a positive duration, e.g. 5s");
        Require(RetryUnsuccessfulJoinAfter is null || RetryUnsuccessfulJoinAfter > TimeSpan.Zero, Prefix + "retry-unsuccessful-join-after",
            "must be a positive duration or off");
        Require(ShutdownAfterUnsuccessfulJoinSeedNodes is null || ShutdownAfterUnsuccessfulJoinSeedNodes > TimeSpan.Zero,
            Prefix + "shutdown-after-unsuccessful-join-seed-nodes", "must be a positive duration or off");
        Require(MinNrOfMembers >= 1, Prefix + "min-nr-of-members", "must be at least 1");
        foreach (var (role, minimum) in MinNrOfMembersOfRole)
        {
            Require(minimum >= 1, $"{Prefix}role.\"{role}\".min-nr-of-members", "must be at least 1");
        }

        Require(PeriodicTasksInitialDelay >= TimeSpan.Zero, Prefix + "periodic-tasks-initial-delay", "must not be negative");
        Require(GossipInterval > TimeSpan.Zero, Prefix + "gossip-interval", "must be a positive duration, e.g. 1s");
        Require(GossipTimeToLive > TimeSpan.Zero, Prefix + "gossip-time-to-live", "must be a positive duration, e.g. 2s");
        Require(GossipDifferentViewProbability is >= 0.0 and <= 1.0, Prefix + "gossip-different-view-probability", "must be between 0.0 and 1.0");
        Require(ReduceGossipDifferentViewProbability >= 1, Prefix + "reduce-gossip-different-view-probability", "must be at least 1");
        Require(LeaderActionsInterval > TimeSpan.Zero, Prefix + "leader-actions-interval", "must be a positive duration, e.g. 1s");
        Require(UnreachableNodesReaperInterval > TimeSpan.Zero, Prefix + "unreachable-nodes-reaper-interval", "must be a positive duration, e.g. 1s");
        Require(WeaklyUpAfter >= TimeSpan.Zero, Prefix + "allow-weakly-up-members", "must be a positive duration, on or off");
        Require(DownRemovalMargin >= TimeSpan.Zero, Prefix + "down-removal-margin", "must be a duration of at least 0s, or off");
        Require(PruneGossipTombstonesAfter > TimeSpan.Zero, Prefix + "prune-gossip-tombstones-after", "must be a positive duration, e.g. 24h");
        ValidateFailureDetector(FailureDetector);
        ValidateSplitBrainResolver(SplitBrainResolver);
    }

    private static void ValidateFailureDetector(ClusterFailureDetectorSettings fd)
    {
        Require(fd.HeartbeatInterval > TimeSpan.Zero, Fd + "heartbeat-interval", "must be a positive duration, e.g. 1s");
        Require(fd.Threshold > 0.0, Fd + "threshold", "must be a positive number, e.g. 8.0");
        Require(fd.MaxSampleSize >= 1, Fd + "max-sample-size", "must be at least 1");
        Require(fd.MinStdDeviation > TimeSpan.Zero, Fd + "min-std-deviation", "must be a positive duration, e.g. 100ms");
        Require(fd.AcceptableHeartbeatPause >= TimeSpan.Zero, Fd + "acceptable-heartbeat-pause", "must be a duration of at least 0s, e.g. 3s");
        Require(fd.ExpectedResponseAfter > TimeSpan.Zero, Fd + "expected-response-after", "must be a positive duration, e.g. 1s");
        Require(fd.MonitoredByNrOfMembers >= 1, Fd + "monitored-by-nr-of-members", "must be at least 1");
    }

    private static void ValidateSplitBrainResolver(SplitBrainResolverSettings sbr)
    {
        Require(!string.Equals(sbr.ActiveStrategy, "lease-majority", StringComparison.Ordinal), Sbr + "active-strategy",
            "lease-majority is not supported; use one of " + string.Join(", ", SplitBrainResolverSettings.StrategyNames));
        Require(SplitBrainResolverSettings.StrategyNames.Contains(sbr.ActiveStrategy), Sbr + "active-strategy",
            $"must be one of {string.Join(", ", SplitBrainResolverSettings.StrategyNames)} (was '{sbr.ActiveStrategy}')");
        Require(sbr.StableAfter > TimeSpan.Zero, Sbr + "stable-after", "must be a positive duration, e.g. 20s");
        Require(sbr.DownAllWhenUnstable is null || sbr.DownAllWhenUnstable >= TimeSpan.Zero, Sbr + "down-all-when-unstable",
            "must be a positive duration, on or off");
        Require(sbr.ActiveStrategy != SplitBrainResolverSettings.StaticQuorumName || sbr.StaticQuorumSize >= 1,
            Sbr + "static-quorum.quorum-size", "must be an integer of at least 1 when active-strategy = static-quorum");
    }

    private static void Require(bool condition, string key, string expectation)
    {
        if (!condition)
        {
            throw new ConfigurationException($"Configuration key '{key}' {expectation}", key, null, 0, 0);
        }
    }

    private static ImmutableList<Address> ReadSeedNodes(Config config)
    {
        var key = Prefix + "seed-nodes";
        var seeds = ImmutableList.CreateBuilder<Address>();
        var texts = config.GetStringList(key, []);
        for (var i = 0; i < texts.Count; i++)
        {
            Require(Address.TryParse(texts[i], out var address, out var rest) && rest.IsEmpty && address.HasGlobalScope,
                key, $"must hold addresses of the form protocol://system@host:port (element {i} is '{texts[i]}')");
            seeds.Add(address!);
        }

        return seeds.ToImmutable();
    }

    private static AppVersion ReadAppVersion(Config config)
    {
        var key = Prefix + "app-version";
        var text = config.GetString(key, AppVersion.Zero.Text);
        Require(AppVersion.TryParse(text, out var version), key, "must be a version such as 1.2.3 or 1.2.3-RC1");
        return version!;
    }

    private static ImmutableDictionary<string, int> ReadRoleMinimums(Config config)
    {
        var minimums = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var role in config.GetKeys(Prefix + "role"))
        {
            var key = $"{Prefix}role.\"{role}\".min-nr-of-members";
            if (config.HasPath(key))
            {
                minimums[role] = config.GetInt(key);
            }
        }

        return minimums.ToImmutable();
    }

    private static string? ReadRole(Config config, string key)
    {
        var role = config.GetString(key, string.Empty).Trim();
        return role.Length == 0 ? null : role;
    }

    private static int ReadQuorumSize(Config config, bool required)
    {
        var key = Sbr + "static-quorum.quorum-size";
        if (required)
        {
            return config.GetInt(key);
        }

        return int.TryParse(config.GetString(key, "0"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0;
    }

    private static TimeSpan? ReadDownAllWhenUnstable(Config config)
    {
        var key = Sbr + "down-all-when-unstable";
        return Switch(config.GetString(key, "on")) switch
        {
            true => null,
            false => TimeSpan.Zero,
            null => config.GetTimeSpan(key),
        };
    }

    /// <summary>A duration that may also be <c>off</c> (<see langword="null"/>) or <c>on</c> (<paramref name="onValue"/>).</summary>
    private static TimeSpan? ReadSwitchableDuration(Config config, string key, TimeSpan? defaultValue, TimeSpan? onValue = null)
    {
        if (!config.HasPath(key))
        {
            return defaultValue;
        }

        switch (Switch(config.GetString(key)))
        {
            case false:
                return null;
            case true:
                Require(onValue is not null, key, "must be a duration or off");
                return onValue;
            default:
                return config.GetTimeSpan(key);
        }
    }

    private static bool? Switch(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        _ => null,
    };
}
