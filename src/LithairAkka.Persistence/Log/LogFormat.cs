using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// The on-disk layout of <see cref="FileLogStore"/> segments: little-endian, every structure checksummed with
/// CRC-32C. See the remarks of <see cref="FileLogStore"/> for the full description.
/// </summary>
internal static class LogFormat
{
    /// <summary>"LALOGSG1" read as a little-endian 64-bit integer.</summary>
    public const ulong SegmentMagic = 0x3147_5347_4F4C_414C;
    public const int FormatVersion = 1;
    public const int SegmentHeaderSize = 32;

    /// <summary>"LFRM" read as a little-endian 32-bit integer.</summary>
    public const uint FrameMagic = 0x4D52_464C;
    public const int FrameHeaderSize = 24;
    public const int FrameAlignment = 8;

    public const int RecordHeaderSize = 24;
    public const int EntryHeaderSize = RecordHeaderSize + 16;
    public const int TruncateRecordSize = RecordHeaderSize + 8;
    public const int HardStateRecordSize = RecordHeaderSize + 24;
    public const int CompactRecordSize = RecordHeaderSize + 24;
    public const int GroupStateRecordSize = RecordHeaderSize + 40;

    public const string SegmentExtension = ".seg";
    public const string TempExtension = ".tmp";

    public static string SegmentFileName(long sequence) => $"{sequence:D20}{SegmentExtension}";

    public static long Align(long offset) => (offset + FrameAlignment - 1) & ~(long)(FrameAlignment - 1);

    public static void WriteSegmentHeader(Span<byte> destination, long sequence)
    {
        destination[..SegmentHeaderSize].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(destination, SegmentMagic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], Crc32C.Compute(destination[..28]));
    }

    /// <summary>Returns the segment's sequence number, or an explanation of why the header is not valid.</summary>
    public static string? ReadSegmentHeader(ReadOnlySpan<byte> source, out long sequence)
    {
        sequence = 0;
        if (source.Length < SegmentHeaderSize)
        {
            return "the file is shorter than a segment header";
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(source) != SegmentMagic)
        {
            return "the segment header has the wrong magic number";
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(source[28..]);
        if (stored != Crc32C.Compute(source[..28]))
        {
            return "the segment header fails its checksum";
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(source[8..]);
        if (version != FormatVersion)
        {
            return $"the segment has format version {version}, this build reads version {FormatVersion}";
        }

        sequence = BinaryPrimitives.ReadInt64LittleEndian(source[16..]);
        return null;
    }

    public static void WriteFrameHeader(Span<byte> destination, int bodyLength, long sequence, int recordCount)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, FrameMagic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], bodyLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], recordCount);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], Crc32C.Compute(destination[..20]));
    }

    /// <summary>Decodes a frame header; false when the bytes are not a valid header.</summary>
    public static bool TryReadFrameHeader(ReadOnlySpan<byte> source, out FrameHeader header)
    {
        header = default;
        if (source.Length < FrameHeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(source) != FrameMagic)
        {
            return false;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(source[20..]) != Crc32C.Compute(source[..20]))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(source[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(source[16..]);
        if (length < 0 || count < 0)
        {
            return false;
        }

        header = new FrameHeader(length, BinaryPrimitives.ReadInt64LittleEndian(source[8..]), count);
        return true;
    }

    public static int WriteEntry(Span<byte> destination, long groupId, in LogEntry entry)
    {
        var length = EntryHeaderSize + entry.Payload.Length;
        WriteRecordHeader(destination, length, RecordType.Entry, entry.Kind, groupId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], entry.Index);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], entry.Term);
        entry.Payload.Span.CopyTo(destination[EntryHeaderSize..]);
        return Seal(destination, length);
    }

    public static int WriteTruncate(Span<byte> destination, long groupId, long fromIndex)
    {
        WriteRecordHeader(destination, TruncateRecordSize, RecordType.Truncate, 0, groupId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], fromIndex);
        return Seal(destination, TruncateRecordSize);
    }

    public static int WriteHardState(Span<byte> destination, long groupId, HardState state)
    {
        WriteRecordHeader(destination, HardStateRecordSize, RecordType.HardState, 0, groupId);
        WriteHardStateFields(destination[24..], state);
        return Seal(destination, HardStateRecordSize);
    }

    public static int WriteCompact(Span<byte> destination, long groupId, long upToIndex, long upToTerm, bool keepSuffix)
    {
        WriteRecordHeader(destination, CompactRecordSize, RecordType.Compact, keepSuffix ? (byte)1 : (byte)0, groupId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], upToIndex);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], upToTerm);
        BinaryPrimitives.WriteInt64LittleEndian(destination[40..], 0);
        return Seal(destination, CompactRecordSize);
    }

    public static int WriteGroupState(Span<byte> destination, long groupId, in GroupBounds bounds)
    {
        WriteRecordHeader(destination, GroupStateRecordSize, RecordType.GroupState, 0, groupId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], bounds.CompactedIndex);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], bounds.CompactedTerm);
        WriteHardStateFields(destination[40..], bounds.HardState);
        return Seal(destination, GroupStateRecordSize);
    }

    public static HardState ReadHardStateFields(ReadOnlySpan<byte> source)
    {
        var vote = BinaryPrimitives.ReadInt64LittleEndian(source[8..]);
        return new HardState(
            BinaryPrimitives.ReadInt64LittleEndian(source),
            vote < 0 ? null : vote,
            BinaryPrimitives.ReadInt64LittleEndian(source[16..]));
    }

    /// <summary>The checksum a record should carry: CRC-32C over its length field and everything after the CRC field.</summary>
    public static uint ComputeRecordChecksum(ReadOnlySpan<byte> record) =>
        Crc32C.Append(Crc32C.Compute(record[..4]), record[8..]);

    public static int ExpectedSize(RecordType type) => type switch
    {
        RecordType.Truncate => TruncateRecordSize,
        RecordType.HardState => HardStateRecordSize,
        RecordType.Compact => CompactRecordSize,
        RecordType.GroupState => GroupStateRecordSize,
        _ => -1,
    };

    private static void WriteHardStateFields(Span<byte> destination, HardState state)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, state.Term);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], state.VotedFor ?? -1);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], state.CommitIndex);
    }

    private static void WriteRecordHeader(Span<byte> destination, int length, RecordType type, byte kind, long groupId)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, length);
        destination[8] = (byte)type;
        destination[9] = kind;
        destination[10..16].Clear();
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], groupId);
    }

    private static int Seal(Span<byte> destination, int length)
    {
        var record = destination[..length];
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], ComputeRecordChecksum(record));
        return length;
    }
}
