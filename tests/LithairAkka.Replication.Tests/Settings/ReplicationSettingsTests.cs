using LithairAkka.Hocon;
using LithairAkka.Replication.Settings;

namespace LithairAkka.Replication.Tests.Settings;

public sealed class ReplicationSettingsTests
{
    [Fact]
    public void FromConfig_Empty_UsesSpecDefaults()
    {
        var settings = ReplicationSettings.FromConfig(Config.Empty);

        Assert.Equal(ElectionMode.Auto, settings.Election);
        Assert.Equal(WriteConsistency.Quorum, settings.WriteConsistency);
        Assert.Equal(100, settings.BatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.FlushInterval);
        Assert.Equal(1000, settings.ResyncThreshold);
        Assert.Equal(10000, settings.SnapshotThreshold);
        Assert.Equal(1024 * 1024, settings.SnapshotChunkSize);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.SnapshotTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(150), settings.ElectionTimeoutMin);
        Assert.Equal(TimeSpan.FromMilliseconds(300), settings.ElectionTimeoutMax);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.MaxFollowerStaleness);
        Assert.True(settings.EffectiveChunkSize < 100 * 1024);
    }

    [Fact]
    public void FromConfig_ReferenceConf_MatchesDefaults()
    {
        // The embedded reference.conf every node layers its configuration over.
        var settings = ReplicationSettings.FromConfig(LithairAkka.Actors.ActorSystem.ReferenceConfig);

        Assert.Equal(new ReplicationSettings(), settings);
    }

    [Fact]
    public void FromConfig_Overrides_AreBound()
    {
        var config = ConfigurationFactory.ParseString("""
            lithair.replication {
              election = static
              write-consistency = async
              snapshot-chunk-size = 64KiB
              heartbeat-interval = 20ms
              election-timeout-min = 100ms
              election-timeout-max = 200ms
            }
            """);

        var settings = ReplicationSettings.FromConfig(config);
        var options = settings.ToRaftOptions();

        Assert.Equal(ElectionMode.Static, settings.Election);
        Assert.Equal(WriteConsistency.Async, settings.WriteConsistency);
        Assert.Equal(64 * 1024, settings.EffectiveChunkSize);
        Assert.Equal(TimeSpan.FromMilliseconds(4), settings.TickInterval);
        Assert.Equal(25, options.ElectionTimeoutMinTicks);
        Assert.Equal(50, options.ElectionTimeoutMaxTicks);
        options.Validate();
    }

    [Theory]
    [InlineData("election = sometimes", "lithair.replication.election")]
    [InlineData("batch-size = 0", "lithair.replication.batch-size")]
    [InlineData("election-timeout-min = 40ms", "lithair.replication.election-timeout-min")]
    [InlineData("election-timeout-max = 100ms", "lithair.replication.election-timeout-max")]
    [InlineData("snapshot-threshold = 0", "lithair.replication.snapshot-threshold")]
    public void FromConfig_InvalidValue_ErrorNamesKey(string line, string key)
    {
        var config = ConfigurationFactory.ParseString("lithair.replication { " + line + " }");

        var error = Assert.Throws<ConfigurationException>(() => ReplicationSettings.FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
