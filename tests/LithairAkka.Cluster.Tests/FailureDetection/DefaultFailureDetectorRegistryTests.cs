namespace LithairAkka.Cluster.Tests;

public sealed class DefaultFailureDetectorRegistryTests
{
    private readonly List<StubFailureDetector> _created = [];

    private DefaultFailureDetectorRegistry<string> Create() => new(() =>
    {
        var detector = new StubFailureDetector();
        _created.Add(detector);
        return detector;
    });

    [Fact]
    public void IsAvailable_UnknownResource_IsAvailableNotMonitored()
    {
        var registry = Create();
        Assert.True(registry.IsAvailable("a"));
        Assert.False(registry.IsMonitoring("a"));
        Assert.Empty(_created);
    }

    [Fact]
    public void Heartbeat_NewResource_CreatesOneDetector()
    {
        var registry = Create();
        registry.Heartbeat("a");
        registry.Heartbeat("a");
        Assert.Single(_created);
        Assert.Equal(2, _created[0].Heartbeats);
        Assert.True(registry.IsMonitoring("a"));
        Assert.Equal(["a"], registry.Resources);
    }

    [Fact]
    public void IsAvailable_PerResource_UsesItsDetector()
    {
        var registry = Create();
        registry.Heartbeat("a");
        registry.Heartbeat("b");
        _created[1].IsAvailable = false;
        Assert.True(registry.IsAvailable("a"));
        Assert.False(registry.IsAvailable("b"));
    }

    [Fact]
    public void Remove_Resource_ForgetsDetector()
    {
        var registry = Create();
        registry.Heartbeat("a");
        _created[0].IsAvailable = false;
        registry.Remove("a");
        Assert.True(registry.IsAvailable("a"));
        Assert.False(registry.IsMonitoring("a"));
        Assert.Null(registry.Find("a"));
    }

    [Fact]
    public void Reset_Registry_ForgetsAll()
    {
        var registry = Create();
        registry.Heartbeat("a");
        registry.Heartbeat("b");
        registry.Reset();
        Assert.Empty(registry.Resources);
    }

    [Fact]
    public void Heartbeat_ConcurrentResources_CreatesOneDetectorEach()
    {
        var registry = new DefaultFailureDetectorRegistry<int>(() => new StubFailureDetector());
        Parallel.For(0, 1000, i => registry.Heartbeat(i % 10));
        Assert.Equal(10, registry.Resources.Count);
    }
}
