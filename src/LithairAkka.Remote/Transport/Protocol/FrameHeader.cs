using System.Buffers;
using System.Buffers.Binary;

namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>
/// The 4-byte big-endian frame header. Bit 31 set marks a transport control frame (handshake, refusal,
/// disassociation, ping); bits 0-30 hold the body length. A data frame is therefore exactly
/// "4-byte big-endian length, then the payload", with no per-frame overhead beyond the prefix.
/// </summary>
internal static class FrameHeader
{
    /// <summary>Bytes in a header.</summary>
    public const int Size = 4;

    /// <summary>Largest control-frame body accepted; control frames are small by construction.</summary>
    public const int MaxControlBodySize = 4096;

    private const uint ControlFlag = 0x8000_0000u;

    /// <summary>Writes a data-frame header for a payload of <paramref name="length"/> bytes.</summary>
    public static void WriteData(Span<byte> destination, int length) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)length);

    /// <summary>Writes a control-frame header for a body of <paramref name="length"/> bytes.</summary>
    public static void WriteControl(Span<byte> destination, int length) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, ControlFlag | (uint)length);

    /// <summary>Reads a header from the start of <paramref name="buffer"/> if 4 bytes are there.</summary>
    public static bool TryRead(in ReadOnlySequence<byte> buffer, out bool isControl, out int length)
    {
        isControl = false;
        length = 0;
        if (buffer.Length < Size)
        {
            return false;
        }

        uint raw;
        var first = buffer.FirstSpan;
        if (first.Length >= Size)
        {
            raw = BinaryPrimitives.ReadUInt32BigEndian(first);
        }
        else
        {
            Span<byte> scratch = stackalloc byte[Size];
            buffer.Slice(0, Size).CopyTo(scratch);
            raw = BinaryPrimitives.ReadUInt32BigEndian(scratch);
        }

        isControl = (raw & ControlFlag) != 0;
        length = (int)(raw & ~ControlFlag);
        return true;
    }
}
