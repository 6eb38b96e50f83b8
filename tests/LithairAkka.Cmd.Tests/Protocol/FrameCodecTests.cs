using System.Buffers;
using System.Buffers.Binary;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Tests.Protocol;

public sealed class FrameCodecTests
{
    private static ReadOnlySequence<byte> Encode(FrameType type, byte[] payload)
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.Write(writer, type, payload);
        return new ReadOnlySequence<byte>(writer.WrittenMemory);
    }

    private static byte[] Prefix(int length, byte type)
    {
        var bytes = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        bytes[4] = type;
        return bytes;
    }

    [Fact]
    public void TryRead_WrittenFrame_RoundTripsTypeAndPayload()
    {
        var buffer = Encode(FrameType.Execute, [1, 2, 3]);

        Assert.True(FrameCodec.TryRead(ref buffer, out var frame));

        Assert.Equal(FrameType.Execute, frame.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryRead_EmptyPayload_RoundTrips()
    {
        var buffer = Encode(FrameType.Hello, []);

        Assert.True(FrameCodec.TryRead(ref buffer, out var frame));

        Assert.Equal(FrameType.Hello, frame.Type);
        Assert.True(frame.Payload.IsEmpty);
    }

    [Fact]
    public void TryRead_TwoFramesInOneBuffer_ReadsBothInOrder()
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.Write(writer, FrameType.Output, [7]);
        FrameCodec.Write(writer, FrameType.Completed, [8, 9]);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.True(FrameCodec.TryRead(ref buffer, out var first));
        Assert.True(FrameCodec.TryRead(ref buffer, out var second));

        Assert.Equal((FrameType.Output, 7), (first.Type, (int)first.Payload.Span[0]));
        Assert.Equal(FrameType.Completed, second.Type);
        Assert.Equal(2, second.Payload.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void TryRead_IncompleteFrame_ReturnsFalseAndLeavesBuffer(int available)
    {
        var whole = Encode(FrameType.Output, [1, 2, 3]).ToArray();
        var buffer = new ReadOnlySequence<byte>(whole, 0, available);

        Assert.False(FrameCodec.TryRead(ref buffer, out _));

        Assert.Equal(available, buffer.Length);
    }

    [Fact]
    public void TryRead_FrameSplitAcrossSegments_Reassembles()
    {
        var whole = Encode(FrameType.Output, [1, 2, 3, 4, 5]).ToArray();
        var buffer = Segmented(whole, 2);

        Assert.True(FrameCodec.TryRead(ref buffer, out var frame));

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, frame.Payload.ToArray());
    }

    [Fact]
    public void TryRead_LengthAboveMaximum_ThrowsProtocolException()
    {
        var buffer = new ReadOnlySequence<byte>(Prefix(2000, (byte)FrameType.Output));

        var e = Assert.Throws<CmdProtocolException>(() => FrameCodec.TryRead(ref buffer, out _, maxFrameSize: 1024));

        Assert.Contains("exceeds the maximum frame size", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void TryRead_LengthBelowOne_ThrowsProtocolException(int length)
    {
        var buffer = new ReadOnlySequence<byte>(Prefix(length, (byte)FrameType.Output));

        Assert.Throws<CmdProtocolException>(() => FrameCodec.TryRead(ref buffer, out _));
    }

    [Fact]
    public void TryRead_UnknownType_ThrowsProtocolException()
    {
        var buffer = new ReadOnlySequence<byte>(Prefix(1, 200));

        var e = Assert.Throws<CmdProtocolException>(() => FrameCodec.TryRead(ref buffer, out _));

        Assert.Contains("unknown frame type 200", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PayloadAboveMaximum_Throws()
    {
        var writer = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentOutOfRangeException>(() => FrameCodec.Write(writer, FrameType.Output, new byte[100], maxFrameSize: 64));
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < bytes.Length; i += size)
        {
            var chunk = bytes.AsMemory(i, Math.Min(size, bytes.Length - i));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
