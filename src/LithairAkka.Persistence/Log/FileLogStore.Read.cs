using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <content>Reads: locations are copied under the group's lock, then records are read with positional reads.</content>
public sealed partial class FileLogStore
{
    // Records of one group interleave with other groups' records; a gap this small is cheaper to read than to skip.
    private const int MaxReadGap = 16 << 10;
    private const int MaxRunBytes = 8 << 20;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LogEntry>> ReadAsync(
        long groupId,
        long fromIndex,
        long toIndex,
        long maxBytes,
        CancellationToken token = default)
    {
        if (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IReadOnlyList<LogEntry>>(token);
        }

        LogRules.CheckRead(fromIndex, toIndex, maxBytes);
        ThrowIfUnusable();
        if (!_groups.TryGetValue(groupId, out var group))
        {
            return ValueTask.FromResult<IReadOnlyList<LogEntry>>([]);
        }

        EntryLocation[] locations;
        SegmentFile[] segments;
        lock (group)
        {
            var bounds = group.Bounds;
            if (fromIndex <= bounds.CompactedIndex)
            {
                return ValueTask.FromException<IReadOnlyList<LogEntry>>(
                    new LogCompactedException(groupId, fromIndex, bounds.CompactedIndex));
            }

            var last = Math.Min(toIndex - 1, bounds.LastIndex);
            if (last < fromIndex)
            {
                return ValueTask.FromResult<IReadOnlyList<LogEntry>>([]);
            }

            var all = group.Entries.Slice((int)(fromIndex - group.FirstPresentIndex), (int)(last - fromIndex + 1));
            var count = 0;
            long bytes = 0;
            while (count < all.Length)
            {
                bytes += all[count].PayloadLength;
                if (bytes > maxBytes && count > 0)
                {
                    break;
                }

                count++;
            }

            locations = all[..count].ToArray();

            // Taken under the group's lock: the writer deletes a segment only after a compaction or truncation that
            // needs this lock, so every segment holding these entries is still open here.
            segments = AcquireSegments(locations);
        }

        try
        {
            return ValueTask.FromResult<IReadOnlyList<LogEntry>>(ReadEntries(groupId, fromIndex, locations, segments));
        }
        catch (LogCorruptionException ex)
        {
            lock (_queueLock)
            {
                _fault ??= ex;
            }

            LogMessages.Faulted(_logger, ex, _directory);
            return ValueTask.FromException<IReadOnlyList<LogEntry>>(ex);
        }
        finally
        {
            foreach (var segment in segments)
            {
                segment.Release();
            }
        }
    }

    private SegmentFile[] AcquireSegments(EntryLocation[] locations)
    {
        var acquired = new List<SegmentFile>(2);
        var previous = -1;
        foreach (var location in locations)
        {
            if (location.Segment == previous || acquired.Exists(s => s.Sequence == location.Segment))
            {
                continue;
            }

            previous = location.Segment;
            if (!_segmentsBySequence.TryGetValue(location.Segment, out var segment) || !segment.TryAcquire())
            {
                foreach (var taken in acquired)
                {
                    taken.Release();
                }

                throw new ObjectDisposedException(nameof(FileLogStore), "The log store was closed during the read.");
            }

            acquired.Add(segment);
        }

        return [.. acquired];
    }

    private LogEntry[] ReadEntries(long groupId, long fromIndex, EntryLocation[] locations, SegmentFile[] segments)
    {
        var result = new LogEntry[locations.Length];
        var start = 0;
        while (start < locations.Length)
        {
            // A run: consecutive locations in one segment, in file order, with small gaps.
            var first = locations[start];
            var end = start + 1;
            var runEnd = first.Offset + first.Length;
            while (end < locations.Length)
            {
                var next = locations[end];
                if (next.Segment != first.Segment || next.Offset < runEnd || next.Offset - runEnd > MaxReadGap
                    || next.Offset + next.Length - first.Offset > MaxRunBytes)
                {
                    break;
                }

                runEnd = next.Offset + next.Length;
                end++;
            }

            var segment = Array.Find(segments, s => s.Sequence == first.Segment)!;
            var buffer = new byte[runEnd - first.Offset];
            ReadExactly(segment, buffer, first.Offset);
            for (var i = start; i < end; i++)
            {
                var location = locations[i];
                var at = (int)(location.Offset - first.Offset);
                result[i] = DecodeEntry(segment, buffer, at, location, groupId, fromIndex + i);
            }

            start = end;
        }

        return result;
    }

    private static LogEntry DecodeEntry(SegmentFile segment, byte[] buffer, int at, EntryLocation location, long groupId, long index)
    {
        var record = buffer.AsSpan(at, location.Length);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
        var found = LogFormat.ComputeRecordChecksum(record);
        if (expected != found)
        {
            throw new LogCorruptionException(segment.Path, location.Offset, "entry checksum mismatch on read", groupId, index, expected, found);
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(record) != location.Length
            || (RecordType)record[8] != RecordType.Entry
            || BinaryPrimitives.ReadInt64LittleEndian(record[16..]) != groupId
            || BinaryPrimitives.ReadInt64LittleEndian(record[24..]) != index)
        {
            throw new LogCorruptionException(segment.Path, location.Offset, "the record found is not the indexed entry", groupId, index);
        }

        return new LogEntry(
            index,
            BinaryPrimitives.ReadInt64LittleEndian(record[32..]),
            record[9],
            buffer.AsMemory(at + LogFormat.EntryHeaderSize, location.PayloadLength));
    }

    private static void ReadExactly(SegmentFile segment, byte[] buffer, long offset)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(segment.Handle, buffer.AsSpan(read), offset + read);
            if (n == 0)
            {
                throw new LogCorruptionException(segment.Path, offset + read, "the file ends inside an indexed entry");
            }

            read += n;
        }
    }
}
