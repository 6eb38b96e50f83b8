using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Serialization;
using LithairAkka.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests;

/// <summary>The extension: plugin lookup by id, configuration errors, settings and the serializer seam.</summary>
public class PersistenceTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Get_CalledTwice_ReturnsOneExtension()
    {
        Assert.Same(Persistence.Get(Sys), Persistence.Get(Sys));
    }

    [Fact]
    public void JournalFor_NullOrDefaultId_ReturnsTheSameInMemoryJournal()
    {
        var persistence = Persistence.Get(Sys);

        var byDefault = persistence.JournalFor(null);

        Assert.Equal(byDefault, persistence.JournalFor("akka.persistence.journal.inmem"));
        Assert.Equal("akka.persistence.journal.inmem", byDefault.Path.Name);
    }

    [Fact]
    public void SnapshotStoreFor_NullId_ReturnsTheDefaultStore()
    {
        var persistence = Persistence.Get(Sys);

        Assert.Equal(persistence.SnapshotStoreFor("akka.persistence.snapshot-store.inmem"), persistence.SnapshotStoreFor(string.Empty));
    }

    [Fact]
    public void JournalFor_UnknownId_ThrowsConfigurationExceptionNamingIt()
    {
        var error = Assert.Throws<ConfigurationException>(() => Persistence.Get(Sys).JournalFor("akka.persistence.journal.nope"));

        Assert.Contains("akka.persistence.journal.nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JournalFor_ClassNotAJournal_ThrowsConfigurationException()
    {
        using var system = ActorSystem.Create("bad-class", ConfigurationFactory.ParseString(
            "akka.persistence.journal.wrong.class = \"System.String, System.Private.CoreLib\""));

        var error = Assert.Throws<ConfigurationException>(() => Persistence.Get(system).JournalFor("akka.persistence.journal.wrong"));

        Assert.Contains("akka.persistence.journal.wrong.class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Defaults_MatchTheReferenceConfiguration()
    {
        var settings = Persistence.Get(Sys).Settings;

        Assert.Equal(50, settings.MaxConcurrentRecoveries);
        Assert.Equal("akka.persistence.journal.inmem", settings.DefaultJournalPluginId);
        Assert.Equal("akka.persistence.snapshot-store.inmem", settings.DefaultSnapshotPluginId);
        Assert.Empty(settings.AutoStartJournals);
    }

    [Fact]
    public void Settings_NonPositiveMaxConcurrentRecoveries_ThrowsNamingTheKey()
    {
        var config = ConfigurationFactory.ParseString("akka.persistence.max-concurrent-recoveries = 0").WithFallback(Persistence.ReferenceConfig);

        var error = Assert.Throws<ConfigurationException>(() => PersistenceSettings.Create(config));

        Assert.Contains("max-concurrent-recoveries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JournalConfigFor_PluginSection_FallsBackToThePluginFallback()
    {
        var config = Persistence.Get(Sys).JournalConfigFor(null);

        Assert.Equal("LithairAkka.Persistence.Journal.MemoryJournal, LithairAkka.Persistence", config.GetString("class"));
        Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("recovery-event-timeout"));
    }

    [Fact]
    public void Serializer_FromPersistenceSetup_IsUsed()
    {
        var serializer = new JsonEventSerializer();
        using var system = ActorSystem.Create("with-setup", null, ActorSystemSetup.Empty.And(new PersistenceSetup(serializer)));

        Assert.Same(serializer, Persistence.Get(system).Serializer);
        Assert.IsType<JsonEventSerializer>(Persistence.Get(Sys).Serializer);
    }

    [Fact]
    public void AutoStartJournals_Listed_AreCreatedWithTheExtension()
    {
        var gate = JournalGate.Create();
        using var system = ActorSystem.Create("auto-start", FaultyConfig.Create(
            journal: $"gate = \"{gate.Id}\"",
            extra: "akka.persistence.journal.auto-start-journals = [\"akka.persistence.journal.faulty\"]"));

        Persistence.Get(system);

        Assert.Equal(1, gate.Instances);
    }
}
