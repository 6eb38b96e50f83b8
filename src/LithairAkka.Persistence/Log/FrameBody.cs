using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <summary>Checks the records of one frame body: lengths, types and each record's CRC-32C.</summary>
internal static class FrameBody
{
    /// <summary>Returns null when every record is intact, otherwise the first problem.</summary>
    /// <param name="body">The frame body.</param>
    /// <param name="bodyOffset">File offset of the body, to report positions in the file.</param>
    /// <param name="recordCount">Number of records the frame header announces.</param>
    public static FrameProblem? Validate(ReadOnlySpan<byte> body, long bodyOffset, int recordCount)
    {
        var offset = 0;
        var count = 0;
        while (offset < body.Length)
        {
            var at = bodyOffset + offset;
            if (body.Length - offset < LogFormat.RecordHeaderSize)
            {
                return new FrameProblem(at, "a record header is cut short by the end of its frame");
            }

            var record = body[offset..];
            var length = BinaryPrimitives.ReadInt32LittleEndian(record);
            if (length < LogFormat.RecordHeaderSize || length > record.Length)
            {
                return new FrameProblem(at, $"a record claims {length} bytes but its frame has {record.Length} left");
            }

            record = record[..length];
            var type = (RecordType)record[8];
            var groupId = BinaryPrimitives.ReadInt64LittleEndian(record[16..]);
            long? index = type == RecordType.Entry && length >= LogFormat.EntryHeaderSize
                ? BinaryPrimitives.ReadInt64LittleEndian(record[24..])
                : null;
            var expected = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
            var found = LogFormat.ComputeRecordChecksum(record);
            if (expected != found)
            {
                var what = type == RecordType.Entry ? "entry" : $"{type} record";
                return new FrameProblem(at, $"{what} checksum mismatch", groupId, index, expected, found);
            }

            var size = type == RecordType.Entry ? LogFormat.EntryHeaderSize : LogFormat.ExpectedSize(type);
            if (size < 0 || (type == RecordType.Entry ? length < size : length != size))
            {
                return new FrameProblem(at, $"record of unknown type {(byte)type} or wrong size {length}", groupId, index);
            }

            offset += length;
            count++;
        }

        return count == recordCount
            ? null
            : new FrameProblem(bodyOffset, $"the frame announces {recordCount} records but holds {count}");
    }
}
