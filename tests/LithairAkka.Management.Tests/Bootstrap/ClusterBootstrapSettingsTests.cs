using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Management.Bootstrap;

namespace LithairAkka.Management.Tests.Bootstrap;

public sealed class ClusterBootstrapSettingsTests
{
    private static ClusterBootstrapSettings Bind(string hocon) =>
        ClusterBootstrapSettings.FromConfig(ConfigurationFactory.ParseString(hocon).WithFallback(ActorSystem.ReferenceConfig), "lithair");

    [Fact]
    public void FromConfig_Reference_HasAkkaManagementDefaults()
    {
        var settings = Bind(string.Empty);

        Assert.False(settings.Enabled);
        Assert.True(settings.NewClusterEnabled);
        Assert.Equal("lithair", settings.ServiceName);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.StableMargin);
        Assert.Equal(2, settings.RequiredContactPointNr);
        Assert.Equal(8558, settings.FallbackPort);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.ProbeInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ProbingFailureTimeout);
        Assert.Empty(settings.ConfiguredContactPoints);
    }

    [Fact]
    public void FromConfig_ConfigDiscoveryEndpoints_SortedWithFallbackPort()
    {
        var settings = Bind("""
            akka.management.cluster.bootstrap.enabled = on
            akka.discovery.config.services.lithair.endpoints = ["10.0.0.2:8600", "10.0.0.1", "10.0.0.2:8600"]
            """);

        Assert.Equal([new ContactPoint("10.0.0.1", 8558), new ContactPoint("10.0.0.2", 8600)], settings.ConfiguredContactPoints);
    }

    [Fact]
    public void FromConfig_DottedServiceName_ReadsItsEndpoints()
    {
        var settings = Bind("""
            akka.management.cluster.bootstrap.enabled = on
            akka.management.cluster.bootstrap.contact-point-discovery.service-name = "kv.prod"
            akka.discovery.config.services."kv.prod".endpoints = ["h:1"]
            """);

        Assert.Equal([new ContactPoint("h", 1)], settings.ConfiguredContactPoints);
    }

    [Theory]
    [InlineData("akka.discovery.method = kubernetes-api", "akka.discovery.method")]
    [InlineData("akka.discovery.config.services.lithair.endpoints = [\"h:x\"]", "akka.discovery.config.services")]
    [InlineData("akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr = 0", "required-contact-point-nr")]
    [InlineData("akka.management.cluster.bootstrap.contact-point.probing-failure-timeout = 1s", "probing-failure-timeout")]
    [InlineData("akka.management.cluster.bootstrap.contact-point.probe-interval-jitter = 2", "probe-interval-jitter")]
    public void FromConfig_BadValue_ThrowsNamingTheKey(string line, string named)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Bind("akka.management.cluster.bootstrap.enabled = on\n" + line));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
