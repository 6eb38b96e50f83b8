using System.Buffers;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Tests.Transport.Protocol;

public sealed class FrameHeaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(128000)]
    [InlineData(int.MaxValue)]
    public void WriteData_ThenTryRead_GivesLengthAndDataKind(int length)
    {
        var bytes = new byte[4];
        FrameHeader.WriteData(bytes, length);

        Assert.True(FrameHeader.TryRead(new ReadOnlySequence<byte>(bytes), out var isControl, out var read));

        Assert.False(isControl);
        Assert.Equal(length, read);
    }

    [Fact]
    public void WriteData_IsBigEndian()
    {
        var bytes = new byte[4];

        FrameHeader.WriteData(bytes, 0x01020304);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes);
    }

    [Fact]
    public void WriteControl_SetsTheTopBit()
    {
        var bytes = new byte[4];
        FrameHeader.WriteControl(bytes, 10);

        Assert.True(FrameHeader.TryRead(new ReadOnlySequence<byte>(bytes), out var isControl, out var length));

        Assert.Equal(0x80, bytes[0]);
        Assert.True(isControl);
        Assert.Equal(10, length);
    }

    [Fact]
    public void TryRead_HeaderSplitAcrossSegments_Reads()
    {
        var first = new Segment(new byte[] { 0, 0 });
        var last = first.Append(new byte[] { 1, 0, 9 });

        Assert.True(FrameHeader.TryRead(new ReadOnlySequence<byte>(first, 0, last, 3), out _, out var length));

        Assert.Equal(256, length);
    }

    [Fact]
    public void TryRead_FewerThanFourBytes_False() =>
        Assert.False(FrameHeader.TryRead(new ReadOnlySequence<byte>(new byte[3]), out _, out _));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
