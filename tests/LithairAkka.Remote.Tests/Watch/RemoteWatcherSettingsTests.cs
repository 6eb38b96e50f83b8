using LithairAkka.Hocon;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Tests.DeathWatch;

public sealed class RemoteWatcherSettingsTests
{
    [Fact]
    public void FromConfig_EmbeddedReference_EqualsTheDefaults()
    {
        var config = LithairAkka.Actors.ActorSystem.ReferenceConfig;

        Assert.Equal(new RemoteWatcherSettings(), RemoteWatcherSettings.FromConfig(config));
        Assert.Equal("local", config.GetString("akka.actor.provider", "local"));
        Assert.Equal("json", config.GetStringMap("akka.actor.serialization-bindings")["System.Object"]);
    }

    [Fact]
    public void FromConfig_Empty_GivesTheReferenceDefaults()
    {
        var settings = RemoteWatcherSettings.FromConfig(Config.Empty);

        Assert.Equal(TimeSpan.FromSeconds(1), settings.HeartbeatInterval);
        Assert.Equal(10.0, settings.Threshold);
        Assert.Equal(200, settings.MaxSampleSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.MinStdDeviation);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.AcceptableHeartbeatPause);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.UnreachableNodesReaperInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.ExpectedResponseAfter);
    }

    [Fact]
    public void FromConfig_Values_AreBound()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.remote.watch-failure-detector {
              heartbeat-interval = 250ms
              threshold = 12.5
              max-sample-size = 50
              min-std-deviation = 20ms
              acceptable-heartbeat-pause = 3s
              unreachable-nodes-reaper-interval = 500ms
              expected-response-after = 2s
            }
            """);

        var settings = RemoteWatcherSettings.FromConfig(config);

        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.HeartbeatInterval);
        Assert.Equal(12.5, settings.Threshold);
        Assert.Equal(50, settings.MaxSampleSize);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.MinStdDeviation);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.AcceptableHeartbeatPause);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.UnreachableNodesReaperInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ExpectedResponseAfter);
    }

    [Theory]
    [InlineData("heartbeat-interval = 0s", "heartbeat-interval")]
    [InlineData("threshold = -1", "threshold")]
    [InlineData("max-sample-size = 0", "max-sample-size")]
    [InlineData("acceptable-heartbeat-pause = -1s", "acceptable-heartbeat-pause")]
    [InlineData("expected-response-after = 0s", "expected-response-after")]
    public void FromConfig_InvalidValue_NamesTheKey(string line, string key)
    {
        var config = ConfigurationFactory.ParseString("akka.remote.watch-failure-detector." + line);

        var error = Assert.Throws<RemoteConfigurationException>(() => RemoteWatcherSettings.FromConfig(config));

        Assert.Equal("akka.remote.watch-failure-detector." + key, error.Key);
    }
}
