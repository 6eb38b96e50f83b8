using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Journal;

/// <summary>The journal contract on <c>akka.persistence.journal.inmem</c>.</summary>
public sealed class MemoryJournalTests(ITestOutputHelper output)
    : JournalSpec(ConfigurationFactory.ParseString("akka.persistence.journal.plugin = \"akka.persistence.journal.inmem\""), output);
