using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class PooledByteBufferWriterTests
{
    [Fact]
    public void GetSpan_BeyondCapacity_GrowsAndKeepsWhatWasWritten()
    {
        using var writer = new PooledByteBufferWriter(256);
        var first = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        first.CopyTo(writer.GetSpan(200));
        writer.Advance(200);

        writer.GetSpan(10_000)[0] = 0xEE;
        writer.Advance(1);

        Assert.True(writer.Capacity >= 10_200);
        Assert.Equal([.. first, 0xEE], writer.ToArray());
    }

    [Fact]
    public void Reset_KeepsTheArrayAndForgetsTheBytes()
    {
        using var writer = new PooledByteBufferWriter();
        writer.GetSpan(4);
        writer.Advance(4);
        var capacity = writer.Capacity;

        writer.Reset();

        Assert.Equal(0, writer.WrittenCount);
        Assert.Equal(capacity, writer.Capacity);
    }

    [Fact]
    public void Advance_PastTheEnd_Throws()
    {
        using var writer = new PooledByteBufferWriter(256);

        Assert.Throws<InvalidOperationException>(() => writer.Advance(writer.Capacity + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void GetSpan_AfterDispose_Throws()
    {
        var writer = new PooledByteBufferWriter();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
    }
}
