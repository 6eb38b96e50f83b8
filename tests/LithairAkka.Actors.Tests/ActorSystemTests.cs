using LithairAkka.Actors.Event;
using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ActorSystemTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Create_InvalidName_Throws() =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));

    [Fact]
    public void Create_InvalidConfig_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            ActorSystem.Create("bad", ConfigurationFactory.ParseString("akka.actor.default-dispatcher.throughput = 0")));

        Assert.Contains("akka.actor.default-dispatcher.throughput", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadLogLevel_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            ActorSystem.Create("bad", ConfigurationFactory.ParseString("akka.loglevel = LOUD")));

        Assert.Contains("akka.loglevel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_DefaultsFromReferenceConf()
    {
        Assert.Equal("local", Sys.Settings.ProviderName);
        Assert.Null(Sys.Settings.AskTimeout);
        Assert.Equal(30, Sys.Dispatchers.DefaultDispatcher.Throughput);
        Assert.Equal(LogLevel.InfoLevel, Sys.Settings.LogLevel);
    }

    [Fact]
    public void ActorOf_TopLevelActor_LivesUnderUser()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Assert.Equal($"akka://{Sys.Name}/user/echo", echo.Path.ToString());
        echo.Tell("hello");
        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ActorOf_DuplicateName_Throws()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "dup");

        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "dup"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void ActorOf_InvalidName_Throws(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), name));

    [Fact]
    public void ActorOf_WithoutName_GeneratesUniqueNames()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        var b = Sys.ActorOf(Props.Create<EchoActor>());

        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Fact]
    public void Stop_Actor_TerminatesIt()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(echo);

        Sys.Stop(echo);

        ExpectTerminated(echo);
    }

    [Fact]
    public async Task Terminate_StopsAllActorsAndCompletesWhenTerminated()
    {
        using var system = ActorSystem.Create("terminating");
        var probe = CreateTestProbe();
        system.ActorOf(Props.Create(() => new LifecycleActor(probe.Ref)), "a");
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        probe.ExpectMsg("postStop");
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<EchoActor>()));
    }

    [Fact]
    public async Task Terminate_IsIdempotent()
    {
        using var system = ActorSystem.Create("twice");

        var first = system.Terminate();
        var second = system.Terminate();

        await first.WaitAsync(TimeSpan.FromSeconds(10));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Props_CreatedWithNew_Throws() =>
        Assert.Throws<ActorInitializationException>(() => new EchoActor());
}
