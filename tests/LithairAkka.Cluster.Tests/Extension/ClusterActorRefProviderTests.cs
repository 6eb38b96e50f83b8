using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Remote;

namespace LithairAkka.Cluster.Tests;

public sealed class ClusterActorRefProviderTests
{
    private const string Base = """
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """;

    [Fact]
    public async Task Create_ProviderCluster_SelectsClusterProviderAndStartsTheCluster()
    {
        var system = (ExtendedActorSystem)ActorSystem.Create("provider", ConfigurationFactory.ParseString("akka.actor.provider = cluster\n" + Base));
        try
        {
            var provider = Assert.IsType<ClusterActorRefProvider>(system.Provider);
            var cluster = Cluster.Get(system);
            Assert.Equal(provider.DefaultAddress, cluster.SelfAddress);
            Assert.Equal(RemoteExtension.Get(system).Uid, cluster.SelfUniqueAddress.Uid);
            Assert.Equal(MemberStatus.Removed, cluster.SelfMember.Status);
            Assert.IsType<SplitBrainResolverProvider>(cluster.DowningProvider);
            Assert.False(cluster.IsTerminated);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public async Task Get_SystemWithRemoteProvider_ThrowsConfigurationException()
    {
        var system = ActorSystem.Create("remote-only", ConfigurationFactory.ParseString("akka.actor.provider = remote\n" + Base));
        try
        {
            var e = Assert.Throws<ConfigurationException>(() => Cluster.Get(system));
            Assert.Contains("akka.actor.provider", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public void Create_UnknownDowningProviderClass_FailsNamingTheKey()
    {
        var config = ConfigurationFactory.ParseString("akka.actor.provider = cluster\nakka.cluster.downing-provider-class = \"No.Such.Type, Nowhere\"\n" + Base);

        var e = Assert.ThrowsAny<Exception>(() => ActorSystem.Create("bad-downing", config));

        Assert.Contains("akka.cluster.downing-provider-class", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EmptyDowningProviderClass_RunsWithoutDowning()
    {
        var config = ConfigurationFactory.ParseString("akka.actor.provider = cluster\nakka.cluster.downing-provider-class = \"\"\n" + Base);
        var system = ActorSystem.Create("no-downing", config);
        try
        {
            Assert.Null(Cluster.Get(system).DowningProvider);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(15));
        }
    }
}
