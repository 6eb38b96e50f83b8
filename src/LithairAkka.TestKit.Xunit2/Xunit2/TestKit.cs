using LithairAkka.Actors;
using LithairAkka.Hocon;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LithairAkka.TestKit.Xunit2;

/// <summary>
/// The xunit base class of actor tests, as Akka's <c>Akka.TestKit.Xunit2.TestKit</c>: each test gets an actor system
/// named after the test class, whose logs go to the test output, and which is terminated when xunit disposes the
/// test class.
/// </summary>
public class TestKit : TestKitBase
{
    /// <summary>Creates the kit with optional HOCON configuration and test output.</summary>
    public TestKit(string? config = null, ITestOutputHelper? output = null)
        : this(config is null ? null : ConfigurationFactory.ParseString(config), null, output)
    {
    }

    /// <summary>Creates the kit with a configuration and optional test output.</summary>
    public TestKit(Config config, ITestOutputHelper? output = null)
        : this(config, null, output)
    {
    }

    /// <summary>Creates the kit with configuration, a setup (e.g. a <see cref="FakeTimeProvider"/>) and test output.</summary>
    public TestKit(Config? config, ActorSystemSetup? setup, ITestOutputHelper? output = null)
        : base(config, WithOutput(setup, output), null)
    {
        Output = output;
    }

    /// <summary>The test output, when given.</summary>
    public ITestOutputHelper? Output { get; }

    private static ActorSystemSetup? WithOutput(ActorSystemSetup? setup, ITestOutputHelper? output)
    {
        if (output is null)
        {
            return setup;
        }

        var effective = setup ?? ActorSystemSetup.Empty;
        return ReferenceEquals(effective.LoggerFactory, NullLoggerFactory.Instance)
            ? effective.WithLoggerFactory(new TestOutputLoggerFactory(output))
            : effective;
    }
}
