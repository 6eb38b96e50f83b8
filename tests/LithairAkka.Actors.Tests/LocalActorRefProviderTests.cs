using LithairAkka.Actors.Event;
using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class LocalActorRefProviderTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private sealed class CustomProvider(string systemName, ActorSystemSettings settings, EventStream eventStream)
        : LocalActorRefProvider(systemName, settings, eventStream)
    {
        public override Address DefaultAddress => new("akka.tcp", RootPath.Address.System, "127.0.0.1", 4053);
    }

    private ExtendedActorSystem Extended => (ExtendedActorSystem)Sys;

    [Fact]
    public void Guardians_HaveAkkaPaths()
    {
        var provider = Extended.Provider;

        Assert.Equal($"akka://{Sys.Name}/", provider.RootGuardian.Path.ToString());
        Assert.Equal($"akka://{Sys.Name}/user", provider.Guardian.Path.ToString());
        Assert.Equal($"akka://{Sys.Name}/system", provider.SystemGuardian.Path.ToString());
        Assert.Equal($"akka://{Sys.Name}/deadLetters", provider.DeadLetters.Path.ToString());
        Assert.Equal(provider.RootPath.Address, provider.DefaultAddress);
    }

    [Fact]
    public void ResolveActorRef_ExistingPath_ReturnsTheActor()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "resolvable");

        Assert.Equal(actor, Extended.Provider.ResolveActorRef(actor.Path));
        Assert.Equal(actor, Extended.Provider.ResolveActorRef("/user/resolvable"));
        Assert.Equal(actor, Extended.Provider.ResolveActorRef(actor.Path.ToSerializationFormat()));
    }

    [Fact]
    public void ResolveActorRef_StaleUid_ReturnsEmptyRef()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "incarnation");

        var stale = Extended.Provider.ResolveActorRef(actor.Path.WithUid(actor.Path.Uid + 1));

        Assert.IsType<EmptyLocalActorRef>(stale);
    }

    [Fact]
    public void ResolveActorRef_OtherAddress_ReturnsDeadLetters() =>
        Assert.Same(Extended.Provider.DeadLetters, Extended.Provider.ResolveActorRef(ActorPath.Parse("akka.tcp://other@host:1/user/a")));

    [Fact]
    public void ProviderSetting_SetupFactory_IsUsed()
    {
        var setup = ActorSystemSetup.Empty.WithActorRefProvider("remote", (name, settings, stream) => new CustomProvider(name, settings, stream));
        using var system = (ExtendedActorSystem)ActorSystem.Create("withremote", ConfigurationFactory.ParseString("akka.actor.provider = remote"), setup);

        Assert.IsType<CustomProvider>(system.Provider);
        Assert.Equal("akka.tcp://withremote@127.0.0.1:4053", system.Provider.DefaultAddress.ToString());
        var actor = system.ActorOf(Props.Create<EchoActor>(), "a");
        Assert.Equal(actor, system.Provider.ResolveActorRef(ActorPath.Parse("akka.tcp://withremote@127.0.0.1:4053/user/a")));
    }

    [Fact]
    public void ProviderSetting_TypeName_IsLoadedByReflection()
    {
        var config = ConfigurationFactory.ParseString($"akka.actor.provider = \"{typeof(LocalActorRefProvider).AssemblyQualifiedName}\"");

        using var system = (ExtendedActorSystem)ActorSystem.Create("reflective", config);

        Assert.IsType<LocalActorRefProvider>(system.Provider);
    }

    [Fact]
    public void ProviderSetting_Unknown_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            ActorSystem.Create("unknown", ConfigurationFactory.ParseString("akka.actor.provider = \"No.Such.Provider, Nowhere\"")));

        Assert.Contains("akka.actor.provider", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemActorOf_CreatesUnderSystemGuardian()
    {
        var actor = Extended.SystemActorOf(Props.Create<EchoActor>(), "helper");

        Assert.Equal($"akka://{Sys.Name}/system/helper", actor.Path.ToString());
    }
}
