using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>Base of the contract suites: an actor system configured for the plugin under test, and a fresh persistence id per test.</summary>
public abstract class PluginSpec : LithairAkka.TestKit.Xunit2.TestKit
{
    protected PluginSpec(Config config, ITestOutputHelper? output)
        : base(config.WithFallback(SpecDefaults), output)
    {
    }

    /// <summary>Longer expectations than the kit's default: SQL stores on a shared, loaded machine.</summary>
    private static Config SpecDefaults { get; } = ConfigurationFactory.ParseString("akka.test.single-expect-default = 15s");

    /// <summary>The persistence extension of the test's system.</summary>
    protected Persistence Extension => Persistence.Get(Sys);

    /// <summary>A persistence id no other test uses.</summary>
    protected string Pid { get; } = "p-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The writer id of events the test writes.</summary>
    protected string WriterGuid { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A persistence id no other test uses.</summary>
    protected static string NewPid(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];
}
