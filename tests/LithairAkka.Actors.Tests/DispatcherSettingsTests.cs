using LithairAkka.Actors.Dispatch;
using LithairAkka.Hocon;

namespace LithairAkka.Actors.Tests;

public class DispatcherSettingsTests
{
    private static Config WithReference(string hocon) => ConfigurationFactory.ParseString(hocon).WithFallback(ActorSystem.ReferenceConfig);

    [Fact]
    public void Create_Default_HasAkkaDefaults()
    {
        var settings = DispatcherSettings.Create(ActorSystem.ReferenceConfig, Dispatchers.DefaultDispatcherId);

        Assert.Equal("Dispatcher", settings.Type);
        Assert.Equal(30, settings.Throughput);
        Assert.Null(settings.ThroughputDeadlineTime);
    }

    [Fact]
    public void Create_CustomSection_InheritsUnsetKeysFromDefault()
    {
        var settings = DispatcherSettings.Create(WithReference("my { type = PinnedDispatcher, throughput-deadline-time = 5ms }"), "my");

        Assert.Equal("PinnedDispatcher", settings.Type);
        Assert.Equal(30, settings.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.ThroughputDeadlineTime);
    }

    [Theory]
    [InlineData("my { throughput = 0 }", "my.throughput")]
    [InlineData("my { type = Bogus }", "my.type")]
    [InlineData("my { type = ForkJoinDispatcher, dedicated-thread-pool.thread-count = 0 }", "my.dedicated-thread-pool.thread-count")]
    public void Create_InvalidValue_ThrowsNamingTheKey(string hocon, string key)
    {
        var e = Assert.Throws<ConfigurationException>(() => DispatcherSettings.Create(WithReference(hocon), "my"));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingSection_Throws() =>
        Assert.Throws<ConfigurationException>(() => DispatcherSettings.Create(ActorSystem.ReferenceConfig, "nowhere"));

    [Fact]
    public void MailboxSettings_BoundedAndInvalid()
    {
        var config = WithReference("b { mailbox-type = bounded, mailbox-capacity = 7 }\nbad { mailbox-type = lifo }\nzero { mailbox-type = bounded, mailbox-capacity = 0 }");

        Assert.Equal(7, MailboxSettings.Create(config, "b").Capacity);
        Assert.Equal(0, MailboxSettings.Create(ActorSystem.ReferenceConfig, Dispatchers.DefaultMailboxId).Capacity);
        Assert.Contains("bad.mailbox-type", Assert.Throws<ConfigurationException>(() => MailboxSettings.Create(config, "bad")).Message, StringComparison.Ordinal);
        Assert.Contains("zero.mailbox-capacity", Assert.Throws<ConfigurationException>(() => MailboxSettings.Create(config, "zero")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorSystemSettings_ParsesAskTimeoutAndDeadLetterLogging()
    {
        var settings = ActorSystemSettings.Create("s", WithReference("akka.actor.ask-timeout = 3s\nakka.log-dead-letters = off\nakka.actor.debug.lifecycle = on"));

        Assert.Equal(TimeSpan.FromSeconds(3), settings.AskTimeout);
        Assert.Equal(0, settings.LogDeadLetters);
        Assert.True(settings.DebugLifecycle);
        Assert.Contains("akka.log-dead-letters", Assert.Throws<ConfigurationException>(() =>
            ActorSystemSettings.Create("s", WithReference("akka.log-dead-letters = sometimes"))).Message, StringComparison.Ordinal);
    }
}
