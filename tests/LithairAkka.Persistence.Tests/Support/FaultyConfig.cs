using LithairAkka.Hocon;

namespace LithairAkka.Persistence.Tests.Support;

/// <summary>Configurations with <see cref="FaultyJournal"/> and <see cref="FaultySnapshotStore"/> as default plugins.</summary>
public static class FaultyConfig
{
    /// <summary>The faulty plugins with extra keys in the journal section (<paramref name="journal"/>) and the whole config (<paramref name="extra"/>).</summary>
    public static Config Create(string journal = "", string snapshotStore = "", string extra = "") =>
        ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.faulty"
            akka.persistence.journal.faulty {
              class = "{{typeof(FaultyJournal).FullName}}, LithairAkka.Persistence.Tests"
              {{journal}}
            }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.faulty"
            akka.persistence.snapshot-store.faulty {
              class = "{{typeof(FaultySnapshotStore).FullName}}, LithairAkka.Persistence.Tests"
              {{snapshotStore}}
            }
            akka.test.single-expect-default = 15s
            {{extra}}
            """);
}
