using LithairAkka.Hocon;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterSettingsTests
{
    private static ClusterSettings Bind(string hocon) => ClusterSettings.FromConfig(ConfigurationFactory.ParseString(hocon));

    private static ConfigurationException Invalid(string hocon) => Assert.ThrowsAny<ConfigurationException>(() => Bind(hocon));

    [Fact]
    public void FromConfig_Empty_GivesAkkaDefaults()
    {
        var settings = ClusterSettings.FromConfig(Config.Empty);
        Assert.Empty(settings.SeedNodes);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.SeedNodeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RetryUnsuccessfulJoinAfter);
        Assert.Null(settings.ShutdownAfterUnsuccessfulJoinSeedNodes);
        Assert.Equal(1, settings.MinNrOfMembers);
        Assert.Equal(AppVersion.Zero, settings.AppVersion);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.GossipInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.GossipTimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.LeaderActionsInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.UnreachableNodesReaperInterval);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.WeaklyUpAfter);
        Assert.True(settings.AllowWeaklyUpMembers);
        Assert.Equal(TimeSpan.Zero, settings.DownRemovalMargin);
        Assert.Equal(TimeSpan.FromHours(24), settings.PruneGossipTombstonesAfter);
        Assert.True(settings.RunCoordinatedShutdownWhenDown);
        Assert.Equal(ClusterSettings.SplitBrainResolverProviderClass, settings.DowningProviderClass);
        var fd = settings.FailureDetector;
        Assert.Equal((TimeSpan.FromSeconds(1), 8.0, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), 9),
            (fd.HeartbeatInterval, fd.Threshold, fd.MaxSampleSize, fd.MinStdDeviation, fd.AcceptableHeartbeatPause, fd.ExpectedResponseAfter, fd.MonitoredByNrOfMembers));
        var sbr = settings.SplitBrainResolver;
        Assert.Equal("keep-majority", sbr.ActiveStrategy);
        Assert.Equal(TimeSpan.FromSeconds(20), sbr.StableAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), sbr.DownAllWhenUnstableDuration);
        Assert.True(sbr.KeepOldestDownIfAlone);
        Assert.Null(sbr.KeepMajorityRole);
    }

    [Fact]
    public void FromConfig_Overrides_AreBound()
    {
        var settings = Bind("""
            akka.cluster {
              seed-nodes = ["akka.tcp://sys@10.0.0.1:4053", "akka.tcp://sys@10.0.0.2:4054"]
              roles = [storage, api]
              app-version = "1.4.2"
              min-nr-of-members = 3
              role { storage.min-nr-of-members = 2, "my.role".min-nr-of-members = 4 }
              gossip-interval = 500ms
              allow-weakly-up-members = off
              down-removal-margin = 5s
              retry-unsuccessful-join-after = off
              shutdown-after-unsuccessful-join-seed-nodes = 60s
              run-coordinated-shutdown-when-down = off
              failure-detector { threshold = 12.5, monitored-by-nr-of-members = 5, acceptable-heartbeat-pause = 10s }
              split-brain-resolver {
                active-strategy = static-quorum
                stable-after = 7s
                down-all-when-unstable = off
                static-quorum { quorum-size = 2, role = storage }
              }
            }
            """);
        Assert.Equal(["akka.tcp://sys@10.0.0.1:4053", "akka.tcp://sys@10.0.0.2:4054"], settings.SeedNodes.Select(a => a.ToString()));
        Assert.Equal(["api", "storage"], settings.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(AppVersion.Parse("1.4.2"), settings.AppVersion);
        Assert.Equal(3, settings.MinNrOfMembers);
        Assert.Equal(2, settings.MinNrOfMembersOfRole["storage"]);
        Assert.Equal(4, settings.MinNrOfMembersOfRole["my.role"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.GossipInterval);
        Assert.False(settings.AllowWeaklyUpMembers);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DownRemovalMargin);
        Assert.Null(settings.RetryUnsuccessfulJoinAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.ShutdownAfterUnsuccessfulJoinSeedNodes);
        Assert.False(settings.RunCoordinatedShutdownWhenDown);
        Assert.Equal(12.5, settings.FailureDetector.Threshold);
        Assert.Equal(5, settings.FailureDetector.MonitoredByNrOfMembers);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.FailureDetector.AcceptableHeartbeatPause);
        Assert.Equal("static-quorum", settings.SplitBrainResolver.ActiveStrategy);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.SplitBrainResolver.StableAfter);
        Assert.Equal(TimeSpan.Zero, settings.SplitBrainResolver.DownAllWhenUnstableDuration);
        Assert.Equal(2, settings.SplitBrainResolver.StaticQuorumSize);
        Assert.Equal("storage", settings.SplitBrainResolver.StaticQuorumRole);
    }

    [Theory]
    [InlineData("on", 7)]
    [InlineData("3s", 3)]
    public void FromConfig_AllowWeaklyUpMembers_AcceptsOnAndDurations(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Bind($"akka.cluster.allow-weakly-up-members = {value}").WeaklyUpAfter);

    [Theory]
    [InlineData("on", 4, 3)]
    [InlineData("on", 60, 45)]
    [InlineData("8s", 20, 8)]
    [InlineData("off", 20, 0)]
    public void FromConfig_DownAllWhenUnstable_IsThreeQuartersOfStableAfterAtLeastFourSeconds(string value, int stableAfter, int expected)
    {
        var sbr = Bind($"akka.cluster.split-brain-resolver {{ stable-after = {stableAfter}s, down-all-when-unstable = {value} }}").SplitBrainResolver;
        Assert.Equal(TimeSpan.FromSeconds(value == "on" ? Math.Max(4, expected) : expected), sbr.DownAllWhenUnstableDuration);
    }

    [Theory]
    [InlineData("akka.cluster.gossip-interval = 0s", "akka.cluster.gossip-interval")]
    [InlineData("akka.cluster.gossip-interval = banana", "akka.cluster.gossip-interval")]
    [InlineData("akka.cluster.min-nr-of-members = 0", "akka.cluster.min-nr-of-members")]
    [InlineData("akka.cluster.role.api.min-nr-of-members = 0", "akka.cluster.role.\"api\".min-nr-of-members")]
    [InlineData("akka.cluster.seed-nodes = [\"not-an-address\"]", "akka.cluster.seed-nodes")]
    [InlineData("akka.cluster.seed-nodes = [\"akka://sys\"]", "akka.cluster.seed-nodes")]
    [InlineData("akka.cluster.app-version = \"  \"", "akka.cluster.app-version")]
    [InlineData("akka.cluster.gossip-different-view-probability = 1.5", "akka.cluster.gossip-different-view-probability")]
    [InlineData("akka.cluster.failure-detector.threshold = 0", "akka.cluster.failure-detector.threshold")]
    [InlineData("akka.cluster.failure-detector.max-sample-size = 0", "akka.cluster.failure-detector.max-sample-size")]
    [InlineData("akka.cluster.failure-detector.min-std-deviation = 0ms", "akka.cluster.failure-detector.min-std-deviation")]
    [InlineData("akka.cluster.failure-detector.monitored-by-nr-of-members = 0", "akka.cluster.failure-detector.monitored-by-nr-of-members")]
    [InlineData("akka.cluster.failure-detector.heartbeat-interval = 0s", "akka.cluster.failure-detector.heartbeat-interval")]
    [InlineData("akka.cluster.split-brain-resolver.active-strategy = keep-everything", "akka.cluster.split-brain-resolver.active-strategy")]
    [InlineData("akka.cluster.split-brain-resolver.active-strategy = lease-majority", "akka.cluster.split-brain-resolver.active-strategy")]
    [InlineData("akka.cluster.split-brain-resolver.stable-after = 0s", "akka.cluster.split-brain-resolver.stable-after")]
    [InlineData("akka.cluster.split-brain-resolver { active-strategy = static-quorum, static-quorum.quorum-size = undefined }",
        "akka.cluster.split-brain-resolver.static-quorum.quorum-size")]
    [InlineData("akka.cluster.split-brain-resolver { active-strategy = static-quorum, static-quorum.quorum-size = 0 }",
        "akka.cluster.split-brain-resolver.static-quorum.quorum-size")]
    [InlineData("akka.cluster.down-removal-margin = on", "akka.cluster.down-removal-margin")]
    [InlineData("akka.cluster.retry-unsuccessful-join-after = 0s", "akka.cluster.retry-unsuccessful-join-after")]
    public void FromConfig_InvalidValue_ThrowsNamingTheKey(string hocon, string key)
    {
        var error = Invalid(hocon);
        Assert.Equal(key, error.Path);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_QuorumSizeUndefinedWithOtherStrategy_IsAccepted() =>
        Assert.Equal(0, Bind("akka.cluster.split-brain-resolver.static-quorum.quorum-size = undefined").SplitBrainResolver.StaticQuorumSize);

    [Fact]
    public void FromConfig_StrategyName_IsCaseInsensitive() =>
        Assert.Equal("keep-oldest", Bind("akka.cluster.split-brain-resolver.active-strategy = Keep-Oldest").SplitBrainResolver.ActiveStrategy);

    [Fact]
    public void FromConfig_ReferenceConfPart_MatchesDefaults()
    {
        var reference = LithairAkka.Actors.ActorSystem.ReferenceConfig;
        var settings = ClusterSettings.FromConfig(reference);
        var defaults = ClusterSettings.Default;
        Assert.Equal(defaults with { SeedNodes = settings.SeedNodes, Roles = settings.Roles, MinNrOfMembersOfRole = settings.MinNrOfMembersOfRole }, settings);
        Assert.Empty(settings.SeedNodes);
        Assert.Empty(settings.Roles);
        Assert.Empty(settings.MinNrOfMembersOfRole);
    }

    [Fact]
    public void Validate_ProgrammaticInvalidSettings_Throws()
    {
        var error = Assert.ThrowsAny<ConfigurationException>(() => (ClusterSettings.Default with { LeaderActionsInterval = TimeSpan.Zero }).Validate());
        Assert.Equal("akka.cluster.leader-actions-interval", error.Path);
    }
}
