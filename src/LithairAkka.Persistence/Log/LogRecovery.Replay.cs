using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <content>Replaying records into the index, searching for frames after damage, and the final checks.</content>
internal sealed partial class LogRecovery
{
    private void Apply(SegmentFile segment, ReadOnlySpan<byte> body, long bodyOffset)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            var record = body[offset..];
            var length = BinaryPrimitives.ReadInt32LittleEndian(record);
            record = record[..length];
            var at = bodyOffset + offset;
            var groupId = BinaryPrimitives.ReadInt64LittleEndian(record[16..]);
            var group = Group(groupId);
            switch ((RecordType)record[8])
            {
                case RecordType.Entry:
                    var index = BinaryPrimitives.ReadInt64LittleEndian(record[24..]);
                    var term = BinaryPrimitives.ReadInt64LittleEndian(record[32..]);
                    if (!group.TryAppend(index, new EntryLocation(term, at, segment.Sequence, length), recovering: true))
                    {
                        throw new LogCorruptionException(
                            segment.Path,
                            at,
                            $"entry {index} does not follow the group's last index {group.Bounds.LastIndex}",
                            groupId,
                            index);
                    }

                    segment.LiveEntries++;
                    break;
                case RecordType.Truncate:
                    Release(group.TruncateFrom(BinaryPrimitives.ReadInt64LittleEndian(record[24..])));
                    break;
                case RecordType.Compact:
                    Release(group.CompactTo(
                        BinaryPrimitives.ReadInt64LittleEndian(record[24..]),
                        BinaryPrimitives.ReadInt64LittleEndian(record[32..]),
                        keepSuffix: record[9] != 0));
                    break;
                case RecordType.HardState:
                    group.Bounds.HardState = LogFormat.ReadHardStateFields(record[24..]);
                    break;
                case RecordType.GroupState:
                    Release(group.CompactTo(
                        BinaryPrimitives.ReadInt64LittleEndian(record[24..]),
                        BinaryPrimitives.ReadInt64LittleEndian(record[32..]),
                        keepSuffix: true));
                    group.Bounds.HardState = LogFormat.ReadHardStateFields(record[40..]);
                    break;
            }

            offset += length;
        }
    }

    private GroupLog Group(long groupId)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = new GroupLog(groupId);
            _groups.Add(groupId, group);
        }

        return group;
    }

    private void Release(ReadOnlySpan<EntryLocation> removed)
    {
        foreach (var location in removed)
        {
            if (_bySequence.TryGetValue(location.Segment, out var segment))
            {
                segment.LiveEntries--;
            }
        }
    }

    /// <summary>Whether a valid frame numbered after the last good one starts past <paramref name="position"/> in the current segment.</summary>
    private bool ValidFrameAfter(long position)
    {
        var length = _reader.FileLength;
        var candidate = LogFormat.Align(position + 1);
        while (candidate + LogFormat.FrameHeaderSize <= length)
        {
            var size = (int)Math.Min(ScanChunk, length - candidate);
            var chunk = _reader.Read(candidate, size);
            if (chunk.IndexOfAnyExcept((byte)0) >= 0)
            {
                for (var i = 0; i + LogFormat.FrameHeaderSize <= chunk.Length; i += LogFormat.FrameAlignment)
                {
                    if (BinaryPrimitives.ReadUInt32LittleEndian(chunk[i..]) == LogFormat.FrameMagic
                        && LogFormat.TryReadFrameHeader(chunk[i..], out var frame)
                        && frame.Sequence > _lastGoodFrame)
                    {
                        return true;
                    }
                }
            }

            // Step back so a header straddling two chunks is still seen whole.
            candidate += Math.Max(size - LogFormat.FrameHeaderSize, LogFormat.FrameAlignment);
        }

        return false;
    }

    private bool LaterSegmentHasFrame(int segmentIndex)
    {
        var head = new byte[LogFormat.FrameHeaderSize];
        for (var i = segmentIndex + 1; i < _segments.Count; i++)
        {
            var read = RandomAccess.Read(_segments[i].Handle, head, LogFormat.SegmentHeaderSize);
            if (read == head.Length && LogFormat.TryReadFrameHeader(head, out var frame) && frame.Sequence > _lastGoodFrame)
            {
                return true;
            }
        }

        return false;
    }

    private void CheckConsistency()
    {
        foreach (var group in _groups.Values)
        {
            if (group.HasHole)
            {
                throw new LogCorruptionException(
                    _directory,
                    0,
                    $"entries {group.Bounds.CompactedIndex + 1} to {group.FirstPresentIndex - 1} are missing (a lost segment)",
                    group.GroupId);
            }

            foreach (var location in group.Entries)
            {
                if (!_bySequence.ContainsKey(location.Segment))
                {
                    throw new LogCorruptionException(
                        _directory,
                        location.Offset,
                        $"a live entry is in segment {location.Segment}, which does not exist",
                        group.GroupId);
                }
            }
        }
    }

    /// <summary>
    /// Keeps the segments up to the last one with frames (the active one). The first empty segment after it, made
    /// ahead of use before the last run stopped, becomes the prepared next segment; any further empty ones (a crash
    /// between preparing and using two in a row) are deleted, so restarts never pile up empty files.
    /// </summary>
    private SegmentFile? DetachTrailingEmptySegments()
    {
        var active = Math.Max(_segments.FindLastIndex(s => s.HasFrames), 0);
        SegmentFile? prepared = null;
        for (var i = _segments.Count - 1; i > active; i--)
        {
            var segment = _segments[i];
            _segments.RemoveAt(i);
            if (i == active + 1)
            {
                prepared = segment;
                continue;
            }

            File.Delete(segment.Path);
            segment.Release();
        }

        return prepared;
    }

    private sealed class CheckpointMismatchException(string message) : Exception(message);
}
