using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public sealed class CountingExtension(ExtendedActorSystem system) : IExtension
{
    private static int _created;

    public static int Created => Volatile.Read(ref _created);

    public ExtendedActorSystem System { get; } = system;

    public static CountingExtension Get(ActorSystem system) => system.WithExtension<CountingExtension, CountingExtensionId>();

    internal static void OnCreated() => Interlocked.Increment(ref _created);
}

public sealed class CountingExtensionId : ExtensionIdProvider<CountingExtension>
{
    public override CountingExtension CreateExtension(ExtendedActorSystem system)
    {
        CountingExtension.OnCreated();
        return new CountingExtension(system);
    }
}

public sealed class ConfiguredExtension : IExtension;

public sealed class ConfiguredExtensionId : ExtensionIdProvider<ConfiguredExtension>
{
    public override ConfiguredExtension CreateExtension(ExtendedActorSystem system) => new();
}

public class ExtensionTests(ITestOutputHelper output)
    : LithairAkka.TestKit.Xunit2.TestKit($"akka.extensions = [\"{typeof(ConfiguredExtensionId).AssemblyQualifiedName}\"]", output)
{
    [Fact]
    public void Get_ConcurrentCalls_CreateOneInstancePerSystem()
    {
        var before = CountingExtension.Created;

        var instances = Enumerable.Range(0, 16).AsParallel().Select(_ => CountingExtension.Get(Sys)).ToArray();

        Assert.All(instances, i => Assert.Same(instances[0], i));
        Assert.Equal(before + 1, CountingExtension.Created);
        Assert.Same(Sys, instances[0].System);
        Assert.True(Sys.HasExtension<CountingExtension>());
        Assert.Same(instances[0], Sys.GetExtension<CountingExtension>());
    }

    [Fact]
    public void ConfiguredExtensions_AreCreatedAtStart() => Assert.True(Sys.HasExtension<ConfiguredExtension>());

    [Fact]
    public void GetExtension_NotCreated_ReturnsNull()
    {
        using var system = ActorSystem.Create("fresh");

        Assert.Null(system.GetExtension<CountingExtension>());
        Assert.False(system.HasExtension<CountingExtension>());
    }

    [Fact]
    public void CoordinatedShutdown_IsAnExtension() =>
        Assert.Same(CoordinatedShutdown.Get(Sys), Sys.GetExtension<CoordinatedShutdown>());
}
