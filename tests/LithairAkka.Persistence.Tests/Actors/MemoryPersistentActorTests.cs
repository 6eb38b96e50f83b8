using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>The persistent-actor contract on the in-memory journal and snapshot store.</summary>
public sealed class MemoryPersistentActorTests(ITestOutputHelper output)
    : PersistentActorSpec(ConfigurationFactory.ParseString("akka.persistence.journal.plugin = \"akka.persistence.journal.inmem\""), output);
