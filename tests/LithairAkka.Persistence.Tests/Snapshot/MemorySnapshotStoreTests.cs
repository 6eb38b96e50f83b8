using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Snapshot;

/// <summary>The snapshot-store contract on <c>akka.persistence.snapshot-store.inmem</c>.</summary>
public sealed class MemorySnapshotStoreTests(ITestOutputHelper output)
    : SnapshotStoreSpec(ConfigurationFactory.ParseString("akka.persistence.snapshot-store.plugin = \"akka.persistence.snapshot-store.inmem\""), output);
