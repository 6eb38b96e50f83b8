using LithairAkka.TestKit;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

/// <summary>A test kit whose actor system runs on a <see cref="FakeTimeProvider"/>.</summary>
public abstract class FakeTimeTestKit : LithairAkka.TestKit.Xunit2.TestKit
{
    protected FakeTimeTestKit(ITestOutputHelper output, string? config = null)
        : this(new FakeTimeProvider(), output, config)
    {
    }

    private FakeTimeTestKit(FakeTimeProvider time, ITestOutputHelper output, string? config)
        : base(config is null ? null : LithairAkka.Hocon.ConfigurationFactory.ParseString(config), ActorSystemSetup.Empty.WithTimeProvider(time), output)
    {
        Time = time;
    }

    protected FakeTimeProvider Time { get; }
}
