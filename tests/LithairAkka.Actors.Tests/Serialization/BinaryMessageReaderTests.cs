using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class BinaryMessageReaderTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    [Theory]
    [InlineData(0UL, 1)]
    [InlineData(127UL, 1)]
    [InlineData(128UL, 2)]
    [InlineData(16_383UL, 2)]
    [InlineData(16_384UL, 3)]
    [InlineData(ulong.MaxValue, 10)]
    public void ReadVarUInt64_WrittenValue_RoundTripsInLeb128Size(ulong value, int size)
    {
        var bytes = Write(w => w.WriteVarUInt64(value));

        Assert.Equal(size, bytes.Length);
        var reader = new BinaryMessageReader(bytes, fixture.Registry);
        Assert.Equal(value, reader.ReadVarUInt64());
        Assert.Equal(0, reader.Remaining);
    }

    [Theory]
    [InlineData(0L, 1)]
    [InlineData(-1L, 1)]
    [InlineData(63L, 1)]
    [InlineData(-64L, 1)]
    [InlineData(long.MinValue, 10)]
    [InlineData(long.MaxValue, 10)]
    public void ReadVarInt64_ZigzagKeepsSmallNegativesSmall(long value, int size)
    {
        var bytes = Write(w => w.WriteVarInt64(value));

        Assert.Equal(size, bytes.Length);
        var reader = new BinaryMessageReader(bytes, fixture.Registry);
        Assert.Equal(value, reader.ReadVarInt64());
    }

    [Fact]
    public void ReadString_NullEmptyAndText_AreDistinct()
    {
        var bytes = Write(w =>
        {
            w.WriteString(null);
            w.WriteString(string.Empty);
            w.WriteString("x");
        });

        var reader = new BinaryMessageReader(bytes, fixture.Registry);
        Assert.Null(reader.ReadString());
        Assert.Equal(string.Empty, reader.ReadString());
        Assert.Equal("x", reader.ReadString());
    }

    [Fact]
    public void ReadVarUInt64_MoreThanTenBytes_IsMalformed()
    {
        byte[] bytes = [.. Enumerable.Repeat((byte)0xFF, 11), 0];

        Assert.Throws<SerializationException>(() => new BinaryMessageReader(bytes, fixture.Registry).ReadVarUInt64());
    }

    [Fact]
    public void ReadVarUInt32_TooLarge_IsMalformed()
    {
        var bytes = Write(w => w.WriteVarUInt64(1UL << 40));

        Assert.Throws<SerializationException>(() => new BinaryMessageReader(bytes, fixture.Registry).ReadVarUInt32());
    }

    [Fact]
    public void ReadBoolean_OtherByte_IsMalformed() =>
        Assert.Throws<SerializationException>(() => new BinaryMessageReader([2], fixture.Registry).ReadBoolean());

    [Fact]
    public void ReadString_LengthBeyondInput_IsTruncated() =>
        Assert.Throws<SerializationException>(() => new BinaryMessageReader([10, 65], fixture.Registry).ReadString());

    [Fact]
    public void ReadActorPath_Garbage_IsMalformed()
    {
        var bytes = Write(w => w.WriteString("not a path"));

        Assert.Throws<SerializationException>(() => new BinaryMessageReader(bytes, fixture.Registry).ReadActorPath());
    }

    private byte[] Write(Action<BinaryMessageWriter> write)
    {
        using var buffer = new PooledByteBufferWriter();
        write(new BinaryMessageWriter(buffer, fixture.Registry));
        return buffer.ToArray();
    }
}
