using System.Buffers;

namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>
/// One queued frame: header and payload already laid out in a buffer rented from <see cref="ArrayPool{T}.Shared"/>
/// (control frames use an unpooled array). The writer loop copies it into the pipe and then calls
/// <see cref="Release"/>; whoever discards a frame must release it too.
/// </summary>
internal readonly struct OutboundFrame
{
    private readonly bool _pooled;

    private OutboundFrame(byte[] buffer, int length, bool pooled, long expectedUid, long enqueuedAt, ControlKind? control)
    {
        Buffer = buffer;
        Length = length;
        _pooled = pooled;
        ExpectedUid = expectedUid;
        EnqueuedAt = enqueuedAt;
        Control = control;
    }

    /// <summary>Header and body.</summary>
    public byte[] Buffer { get; }

    /// <summary>Bytes of <see cref="Buffer"/> in use (header included).</summary>
    public int Length { get; }

    /// <summary>Payload bytes (without the header).</summary>
    public int PayloadLength => Length - FrameHeader.Size;

    /// <summary>The remote uid the frame is for, or 0 for whichever incarnation is connected.</summary>
    public long ExpectedUid { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> at enqueue when a delay rule applied, else 0.</summary>
    public long EnqueuedAt { get; }

    /// <summary>The control kind, or null for a data frame.</summary>
    public ControlKind? Control { get; }

    /// <summary>Copies <paramref name="payload"/> behind a data header in a pooled buffer.</summary>
    public static OutboundFrame Data(ReadOnlySpan<byte> payload, long expectedUid, long enqueuedAt)
    {
        var length = FrameHeader.Size + payload.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        FrameHeader.WriteData(buffer, payload.Length);
        payload.CopyTo(buffer.AsSpan(FrameHeader.Size));
        return new OutboundFrame(buffer, length, pooled: true, expectedUid, enqueuedAt, control: null);
    }

    /// <summary>A control frame for the connection to <paramref name="expectedUid"/> (0: any).</summary>
    public static OutboundFrame ControlFrame(ControlKind kind, byte[] body, long expectedUid)
    {
        var frame = ControlMessages.Frame(body);
        return new OutboundFrame(frame, frame.Length, pooled: false, expectedUid, enqueuedAt: 0, kind);
    }

    /// <summary>Returns a pooled buffer. Call exactly once per frame.</summary>
    public void Release()
    {
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
