using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;
using LithairAkka.TestKit;

namespace LithairAkka.Replication.Tests.Clocks;

public sealed class HybridLogicalClockTests
{
    private static readonly NodeId Node = new(1);

    [Fact]
    public void Now_WallClockStands_LogicalCounterOrdersTimestamps()
    {
        var time = new FakeTimeProvider();
        var clock = new HybridLogicalClock(Node, time, TimeSpan.FromMilliseconds(500));

        var first = clock.Now();
        var second = clock.Now();

        Assert.True(second > first);
        Assert.Equal(first.PhysicalMs, second.PhysicalMs);
        Assert.Equal(first.Logical + 1, second.Logical);
    }

    [Fact]
    public void Now_WallClockAdvances_PhysicalFollowsAndLogicalResets()
    {
        var time = new FakeTimeProvider();
        var clock = new HybridLogicalClock(Node, time, TimeSpan.FromMilliseconds(500));
        clock.Now();
        clock.Now();

        time.Advance(TimeSpan.FromMilliseconds(3));
        var later = clock.Now();

        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), later.PhysicalMs);
        Assert.Equal(0, later.Logical);
    }

    [Fact]
    public void Observe_RemoteAheadWithinDrift_LaterLocalTimestampsOrderAfterIt()
    {
        var time = new FakeTimeProvider();
        var clock = new HybridLogicalClock(Node, time, TimeSpan.FromMilliseconds(500));
        var wall = time.GetUtcNow().ToUnixTimeMilliseconds();
        var remote = new HlcTimestamp(wall + 200, 7, new NodeId(2));

        Assert.True(clock.Observe(remote));
        var local = clock.Now();

        Assert.True(local > remote);
        Assert.Equal((wall + 200, 8), (local.PhysicalMs, local.Logical));
    }

    [Fact]
    public void Observe_RemoteBeyondDriftBound_NotAdopted()
    {
        var time = new FakeTimeProvider();
        var clock = new HybridLogicalClock(Node, time, TimeSpan.FromMilliseconds(500));
        var wall = time.GetUtcNow().ToUnixTimeMilliseconds();

        var adopted = clock.Observe(new HlcTimestamp(wall + 10_000, 0, new NodeId(2)));

        Assert.False(adopted);
        Assert.Equal(wall, clock.Now().PhysicalMs);
    }

    [Fact]
    public void CompareTo_SamePhysicalAndLogical_NodeBreaksTie()
    {
        var a = new HlcTimestamp(100, 1, new NodeId(1));
        var b = new HlcTimestamp(100, 1, new NodeId(2));

        Assert.True(a < b);
        Assert.True(new HlcTimestamp(100, 2, new NodeId(1)) > b);
        Assert.Equal("100.1@n1", a.ToString());
    }
}
