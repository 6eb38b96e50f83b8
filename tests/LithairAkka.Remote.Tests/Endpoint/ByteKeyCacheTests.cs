using LithairAkka.Remote.Endpoint;

namespace LithairAkka.Remote.Tests.Endpoint;

public sealed class ByteKeyCacheTests
{
    [Fact]
    public void TryGet_AfterSet_FindsTheValueByContentNotByArray()
    {
        var cache = new ByteKeyCache<string>(10);
        cache.Set("key"u8, "value");

        Assert.True(cache.TryGet("key"u8.ToArray(), out var value));
        Assert.Equal("value", value);
        Assert.False(cache.TryGet("other"u8, out _));
    }

    [Fact]
    public void Set_ExistingKey_ReplacesTheValue()
    {
        var cache = new ByteKeyCache<string>(10);
        cache.Set("key"u8, "old");

        cache.Set("key"u8, "new");

        Assert.True(cache.TryGet("key"u8, out var value));
        Assert.Equal("new", value);
    }

    [Fact]
    public void Set_BeyondCapacity_StartsOverAndStaysBounded()
    {
        var cache = new ByteKeyCache<string>(3);
        cache.Set([1], "1");
        cache.Set([2], "2");
        cache.Set([3], "3");

        cache.Set([4], "4");

        Assert.True(cache.TryGet([4], out _));
        Assert.False(cache.TryGet([1], out _));
    }

    [Fact]
    public void Remove_Key_ForgetsIt()
    {
        var cache = new ByteKeyCache<string>(3);
        cache.Set([1], "1");

        cache.Remove([1]);

        Assert.False(cache.TryGet([1], out _));
    }
}
