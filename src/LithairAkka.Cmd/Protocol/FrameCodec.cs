using System.Buffers;
using System.Buffers.Binary;

namespace LithairAkka.Cmd.Protocol;

/// <summary>
/// The pbm wire framing: a 4-byte big-endian length <c>N</c>, then <c>N</c> bytes made of one <see cref="FrameType"/>
/// byte and the payload. Stateless and thread-safe.
/// </summary>
public static class FrameCodec
{
    /// <summary>Bytes of the length prefix.</summary>
    public const int PrefixSize = 4;

    /// <summary>The default largest frame (type byte plus payload): 1 MiB.</summary>
    public const int DefaultMaxFrameSize = 1024 * 1024;

    /// <summary>Writes one frame to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The frame would exceed <paramref name="maxFrameSize"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, FrameType type, ReadOnlySpan<byte> payload, int maxFrameSize = DefaultMaxFrameSize)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = payload.Length + 1;
        if (length > maxFrameSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(payload), payload.Length, $"A {type} frame of {length} bytes exceeds the maximum frame size of {maxFrameSize} bytes.");
        }

        var span = writer.GetSpan(PrefixSize + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        span[PrefixSize] = (byte)type;
        payload.CopyTo(span[(PrefixSize + 1)..]);
        writer.Advance(PrefixSize + length);
    }

    /// <summary>
    /// Reads one whole frame from the start of <paramref name="buffer"/> and slices it off; returns false (buffer
    /// untouched) when the frame is not complete yet.
    /// </summary>
    /// <exception cref="CmdProtocolException">The length is zero, negative or above <paramref name="maxFrameSize"/>, or the type is unknown.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out CmdFrame frame, int maxFrameSize = DefaultMaxFrameSize)
    {
        frame = default;
        if (buffer.Length < PrefixSize)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[PrefixSize];
        buffer.Slice(0, PrefixSize).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (length < 1)
        {
            throw new CmdProtocolException($"Malformed frame: declared length {length} is below the minimum of 1.");
        }

        if (length > maxFrameSize)
        {
            throw new CmdProtocolException($"Malformed frame: declared length {length} exceeds the maximum frame size of {maxFrameSize} bytes.");
        }

        if (buffer.Length < PrefixSize + length)
        {
            return false;
        }

        var body = buffer.Slice(PrefixSize, length);
        var type = (FrameType)body.FirstSpan[0];
        if (!Enum.IsDefined(type))
        {
            throw new CmdProtocolException($"Malformed frame: unknown frame type {(byte)type}.");
        }

        frame = new CmdFrame(type, body.Slice(1).ToArray());
        buffer = buffer.Slice(PrefixSize + length);
        return true;
    }
}
