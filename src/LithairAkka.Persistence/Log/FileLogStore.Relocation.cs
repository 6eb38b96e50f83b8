using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <content>
/// Relocation: segments are deleted oldest first, so a group that stopped writing (and so never compacts) would keep
/// its few old entries, and with them every later segment, on disk forever. When the oldest segment is held only by
/// such small groups, the writer copies each one's whole live log forward in one frame: a truncation record from
/// the first live index, then the entry records byte for byte. The frame is atomic, so replay sees either the old
/// entries or the truncation plus their copies; the old segment then has no live entry and is deleted.
/// </content>
public sealed partial class FileLogStore
{
    private bool _relocationCheckDue;

    private long RelocationGroupLimit => _options.SegmentSize / 64;

    private long RelocationRoundLimit => _options.SegmentSize / 16;

    private void MaybeRelocate()
    {
        if (!_relocationCheckDue)
        {
            return;
        }

        _relocationCheckDue = false;
        var oldest = _segments[0];
        if (_segments.Count < 3 || oldest.LiveEntries == 0)
        {
            return;
        }

        var movers = new List<GroupLog>();
        long total = 0;
        foreach (var group in _groups.Values)
        {
            if (group.Count == 0 || group.Entries[0].Segment != oldest.Sequence)
            {
                continue;
            }

            long bytes = 0;
            foreach (var location in group.Entries)
            {
                bytes += location.Length;
                if (bytes > RelocationGroupLimit)
                {
                    // A busy group pins it: its own compaction will free the segment; copying would only churn.
                    return;
                }
            }

            total += bytes;
            if (total > RelocationRoundLimit)
            {
                return;
            }

            movers.Add(group);
        }

        if (movers.Count > 0)
        {
            BuildRelocationRound(movers);
            CommitRound();
        }
    }

    private void BuildRelocationRound(List<GroupLog> movers)
    {
        _frameLength = LogFormat.FrameHeaderSize;
        _roundRecords = 0;
        foreach (var group in movers)
        {
            var locations = group.Entries.ToArray();
            var from = group.Bounds.CompactedIndex + 1;
            long size = LogFormat.TruncateRecordSize;
            foreach (var location in locations)
            {
                size += location.Length;
            }

            EnsureFrameCapacity(size);
            _frameLength += LogFormat.WriteTruncate(_frame.AsSpan(_frameLength), group.GroupId, from);
            var request = new WriteRequest(RecordType.Truncate, group.GroupId, CancellationToken.None)
            {
                Index = from,
                Relocated = locations,
                Accepted = true,
                BodyOffset = _frameLength,
            };
            for (var i = 0; i < locations.Length; i++)
            {
                CopyRecord(group.GroupId, from + i, locations[i]);
            }

            _roundRecords += 1 + locations.Length;
            _round.Add(request);
        }
    }

    /// <summary>Copies one entry record into the frame after checking it is intact.</summary>
    private void CopyRecord(long groupId, long index, EntryLocation location)
    {
        var segment = _segmentsBySequence[location.Segment];
        var record = _frame.AsSpan(_frameLength, location.Length);
        var read = 0;
        while (read < record.Length)
        {
            var n = RandomAccess.Read(segment.Handle, record[read..], location.Offset + read);
            if (n == 0)
            {
                throw new LogCorruptionException(segment.Path, location.Offset, "the file ends inside an entry being relocated", groupId, index);
            }

            read += n;
        }

        var expected = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
        var found = LogFormat.ComputeRecordChecksum(record);
        if (expected != found || BinaryPrimitives.ReadInt64LittleEndian(record[24..]) != index)
        {
            throw new LogCorruptionException(segment.Path, location.Offset, "entry checksum mismatch while relocating", groupId, index, expected, found);
        }

        _frameLength += location.Length;
    }

    private void ApplyRelocation(GroupLog group, WriteRequest request, EntryLocation[] moved, long frameStart)
    {
        Release(group.TruncateFrom(request.Index));
        var offset = frameStart + request.BodyOffset;
        for (var i = 0; i < moved.Length; i++)
        {
            var location = new EntryLocation(moved[i].Term, offset, _active.Sequence, moved[i].Length);
            if (!group.TryAppend(request.Index + i, location, recovering: false))
            {
                throw new InvalidOperationException($"Group {group.GroupId}: relocated entry {request.Index + i} does not follow the index.");
            }

            offset += moved[i].Length;
        }

        _active.LiveEntries += moved.Length;
    }
}
