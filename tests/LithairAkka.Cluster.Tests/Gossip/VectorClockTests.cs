namespace LithairAkka.Cluster.Tests;

public sealed class VectorClockTests
{
    private static VectorClock Clock(params (string Node, int Times)[] ticks) =>
        ticks.Aggregate(VectorClock.Empty, (clock, t) => Enumerable.Range(0, t.Times).Aggregate(clock, (c, _) => c.Increment(t.Node)));

    [Fact]
    public void CompareTo_EmptyClocks_AreSame() => Assert.Equal(VectorClock.Ordering.Same, VectorClock.Empty.CompareTo(VectorClock.Empty));

    [Fact]
    public void Increment_Clock_IsAfterOriginal()
    {
        var a = Clock(("a", 1));
        var b = a.Increment("a");
        Assert.Equal(VectorClock.Ordering.After, b.CompareTo(a));
        Assert.Equal(VectorClock.Ordering.Before, a.CompareTo(b));
        Assert.True(b.IsAfter(a));
        Assert.True(a.IsBefore(b));
        Assert.Equal(2, b.Versions["a"]);
    }

    [Fact]
    public void CompareTo_NewEntry_IsAfter()
    {
        var a = Clock(("a", 2));
        var b = a.Increment("b");
        Assert.True(b.IsAfter(a));
        Assert.True(a.IsBefore(b));
    }

    [Fact]
    public void CompareTo_DivergedHistories_AreConcurrent()
    {
        var root = Clock(("a", 1));
        var left = root.Increment("a");
        var right = root.Increment("b");
        Assert.True(left.IsConcurrentWith(right));
        Assert.True(right.IsConcurrentWith(left));
    }

    [Fact]
    public void Merge_ConcurrentClocks_IsAfterBoth()
    {
        var left = Clock(("a", 3), ("b", 1));
        var right = Clock(("a", 1), ("b", 2), ("c", 1));
        var merged = left.Merge(right);
        Assert.True(merged.IsAfter(left));
        Assert.True(merged.IsAfter(right));
        Assert.Equal(3, merged.Versions["a"]);
        Assert.Equal(2, merged.Versions["b"]);
        Assert.Equal(1, merged.Versions["c"]);
    }

    [Fact]
    public void Merge_WithOlder_ReturnsSameInstance()
    {
        var newer = Clock(("a", 3));
        Assert.Same(newer, newer.Merge(Clock(("a", 1))));
    }

    [Fact]
    public void Prune_RemovedNode_DropsEntry()
    {
        var clock = Clock(("a", 2), ("b", 3));
        var pruned = clock.Prune("b");
        Assert.False(pruned.Versions.ContainsKey("b"));
        Assert.Same(pruned, pruned.Prune("b"));
        Assert.True(pruned.IsBefore(clock));
    }

    [Fact]
    public void Create_NonPositiveCounter_Throws() =>
        Assert.Throws<ArgumentException>(() => VectorClock.Create([new KeyValuePair<string, long>("a", 0)]));

    [Fact]
    public void Equals_SameCounters_AreEqual()
    {
        var a = Clock(("x", 2), ("y", 1));
        var b = Clock(("y", 1), ("x", 2));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.IsSameAs(b));
    }

    [Fact]
    public void Merge_RandomClocks_IsCommutativeAssociativeAndIdempotent() => Property.ForAll(500, random =>
    {
        var a = RandomClock(random);
        var b = RandomClock(random);
        var c = RandomClock(random);
        Assert.Equal(a.Merge(b), b.Merge(a));
        Assert.Equal(a.Merge(b).Merge(c), a.Merge(b.Merge(c)));
        Assert.Equal(a, a.Merge(a));
        var merged = a.Merge(b);
        Assert.Contains(merged.CompareTo(a), new[] { VectorClock.Ordering.After, VectorClock.Ordering.Same });
        Assert.Contains(merged.CompareTo(b), new[] { VectorClock.Ordering.After, VectorClock.Ordering.Same });
    });

    [Fact]
    public void CompareTo_RandomClocks_IsAntisymmetric() => Property.ForAll(500, random =>
    {
        var a = RandomClock(random);
        var b = RandomClock(random);
        var expected = a.CompareTo(b) switch
        {
            VectorClock.Ordering.Before => VectorClock.Ordering.After,
            VectorClock.Ordering.After => VectorClock.Ordering.Before,
            var same => same,
        };
        Assert.Equal(expected, b.CompareTo(a));
    });

    private static VectorClock RandomClock(Random random)
    {
        var clock = VectorClock.Empty;
        for (var i = random.Next(6); i > 0; i--)
        {
            clock = clock.Increment(((char)('a' + random.Next(4))).ToString());
        }

        return clock;
    }
}
