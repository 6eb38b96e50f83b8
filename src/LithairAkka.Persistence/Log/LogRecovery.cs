using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// Opens the segment files of a <see cref="FileLogStore"/> and rebuilds its in-memory index: from a checkpoint plus
/// the records after it, or from every record. Verifies every frame it reads, trims a torn tail (an unacknowledged,
/// partly written last frame) and refuses a log with damage anywhere else.
/// </summary>
/// <remarks>
/// Torn or corrupt? A flush covers one whole frame, and the next frame is only written after it, so a damaged frame
/// can be a torn write only if nothing valid follows it, in its segment or in a later one. Damage followed by a valid
/// frame, or lying before the checkpointed position (which only ever covers flushed frames), is corruption.
/// </remarks>
internal sealed partial class LogRecovery(FileLogStoreOptions options, ILogger logger)
{
    private const int ScanChunk = 1 << 20;

    private readonly string _directory = Path.GetFullPath(options.Directory);
    private readonly SegmentReader _reader = new();
    private readonly List<SegmentFile> _segments = [];
    private readonly Dictionary<int, SegmentFile> _bySequence = [];
    private Dictionary<long, GroupLog> _groups = [];
    private LogCheckpoint? _checkpoint;
    private bool _applying;
    private long _expectedFrame;
    private long _lastGoodFrame;

    public RecoveredLog Run()
    {
        Directory.CreateDirectory(_directory);
        foreach (var temp in Directory.EnumerateFiles(_directory, "*" + LogFormat.TempExtension))
        {
            File.Delete(temp);
        }

        try
        {
            OpenSegments();
            if (_segments.Count == 0)
            {
                var first = SegmentFactory.Create(_directory, 1, options.PreallocateSegments ? options.SegmentSize : 0);
                _segments.Add(first);
                return new RecoveredLog(_segments, _groups, 1, false, null);
            }

            _checkpoint = LoadCheckpoint();
            try
            {
                Scan();
            }
            catch (CheckpointMismatchException ex)
            {
                LogMessages.CheckpointIgnored(logger, _directory, ex.Message);
                _checkpoint = null;
                Scan();
            }

            CheckConsistency();
            var prepared = DetachTrailingEmptySegments();
            return new RecoveredLog(_segments, _groups, _expectedFrame == 0 ? 1 : _expectedFrame, _checkpoint is not null, prepared);
        }
        catch
        {
            foreach (var segment in _segments)
            {
                segment.Release();
            }

            throw;
        }
    }

    private void OpenSegments()
    {
        var found = new List<(int Sequence, string Path)>();
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + LogFormat.SegmentExtension))
        {
            if (SegmentFactory.TryParseName(Path.GetFileName(path), out var sequence))
            {
                found.Add((sequence, path));
            }
        }

        found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var header = new byte[LogFormat.SegmentHeaderSize];
        foreach (var (sequence, path) in found)
        {
            var segment = SegmentFactory.Open(path, sequence);
            _segments.Add(segment);
            _bySequence.Add(sequence, segment);
            var read = RandomAccess.Read(segment.Handle, header, 0);
            var problem = LogFormat.ReadSegmentHeader(header.AsSpan(0, read), out var stored);
            if (problem is null && stored != sequence)
            {
                problem = $"the header says segment {stored}";
            }

            if (problem is not null)
            {
                throw new LogCorruptionException(path, 0, problem);
            }

            if (_segments.Count > 1 && _segments[^2].Sequence != sequence - 1)
            {
                throw new LogCorruptionException(path, 0, $"segment {sequence - 1} is missing before it");
            }
        }
    }

    private LogCheckpoint? LoadCheckpoint()
    {
        var checkpoint = LogCheckpoint.TryLoad(_directory, out var reason);
        if (checkpoint is not null && !_bySequence.ContainsKey(checkpoint.Segment))
        {
            reason = $"it resumes in segment {checkpoint.Segment}, which no longer exists";
            checkpoint = null;
        }

        if (reason is not null)
        {
            LogMessages.CheckpointIgnored(logger, _directory, reason);
        }

        return checkpoint;
    }

    private void Scan()
    {
        _groups = [];
        _expectedFrame = 0;
        _lastGoodFrame = 0;
        foreach (var segment in _segments)
        {
            segment.LiveEntries = 0;
            segment.HasFrames = false;
            segment.DataEnd = LogFormat.SegmentHeaderSize;
        }

        var start = 0;
        var startOffset = (long)LogFormat.SegmentHeaderSize;
        _applying = _checkpoint is null;
        if (_checkpoint is { } checkpoint)
        {
            foreach (var group in checkpoint.Groups)
            {
                _groups[group.GroupId] = group;
                foreach (var location in group.Entries)
                {
                    if (_bySequence.TryGetValue(location.Segment, out var holder))
                    {
                        holder.LiveEntries++;
                    }
                }
            }

            if (!options.VerifyChecksumsOnOpen)
            {
                start = _segments.FindIndex(s => s.Sequence == checkpoint.Segment);
                startOffset = checkpoint.Offset;
                _expectedFrame = checkpoint.NextFrameSequence;
                _lastGoodFrame = checkpoint.NextFrameSequence - 1;
                _applying = true;
                for (var i = 0; i < start; i++)
                {
                    _segments[i].HasFrames = true;
                }

                _segments[start].HasFrames = startOffset > LogFormat.SegmentHeaderSize;
            }
        }

        for (var i = start; i < _segments.Count; i++)
        {
            var torn = ScanSegment(i, i == start ? startOffset : LogFormat.SegmentHeaderSize);
            if (torn)
            {
                break;
            }
        }

        if (!_applying)
        {
            throw new LogCorruptionException(
                Path.Combine(_directory, LogCheckpoint.FileName),
                _checkpoint!.Offset,
                $"the log ends before the checkpointed position (segment {_checkpoint.Segment}), so flushed frames are missing");
        }
    }

    /// <summary>Scans one segment; returns true when it ended in a torn tail (nothing can follow).</summary>
    private bool ScanSegment(int segmentIndex, long position)
    {
        var segment = _segments[segmentIndex];
        _reader.Attach(segment.Handle);
        var length = _reader.FileLength;
        if (position > length)
        {
            throw new LogCorruptionException(segment.Path, position, "the file is shorter than the checkpointed position");
        }

        segment.DataEnd = position;

        while (true)
        {
            CheckCheckpointPosition(segment, position);
            if (position + LogFormat.FrameHeaderSize > length)
            {
                if (position < length && _reader.Read(position, (int)(length - position)).IndexOfAnyExcept((byte)0) >= 0)
                {
                    return Damaged(segmentIndex, new FrameProblem(position, "a frame header is cut short by the end of the file"));
                }

                return false;
            }

            var head = _reader.Read(position, LogFormat.FrameHeaderSize);
            if (head.IndexOfAnyExcept((byte)0) < 0)
            {
                if (ValidFrameAfter(position))
                {
                    throw new LogCorruptionException(segment.Path, position, "zeroed bytes where a frame should be, with valid frames after them");
                }

                return false;
            }

            if (!LogFormat.TryReadFrameHeader(head, out var frame))
            {
                return Damaged(segmentIndex, new FrameProblem(position, "invalid frame header (wrong magic number or checksum)"));
            }

            if (_expectedFrame != 0 && frame.Sequence != _expectedFrame)
            {
                return Damaged(segmentIndex, new FrameProblem(position, $"frame number {frame.Sequence} where {_expectedFrame} was expected"));
            }

            var bodyOffset = position + LogFormat.FrameHeaderSize;
            if (bodyOffset + frame.BodyLength > length)
            {
                return Damaged(segmentIndex, new FrameProblem(position, $"a frame of {frame.BodyLength} bytes runs past the end of the file"));
            }

            var body = _reader.Read(bodyOffset, frame.BodyLength);
            if (FrameBody.Validate(body, bodyOffset, frame.RecordCount) is { } problem)
            {
                return Damaged(segmentIndex, problem with { Reason = $"{problem.Reason} in frame {frame.Sequence} at offset {position}" });
            }

            if (_applying)
            {
                Apply(segment, body, bodyOffset);
            }

            _lastGoodFrame = frame.Sequence;
            _expectedFrame = frame.Sequence + 1;
            segment.HasFrames = true;
            position = LogFormat.Align(bodyOffset + frame.BodyLength);
            segment.DataEnd = position;
        }
    }

    private void CheckCheckpointPosition(SegmentFile segment, long position)
    {
        if (_applying || _checkpoint is not { } checkpoint || segment.Sequence != checkpoint.Segment || position < checkpoint.Offset)
        {
            return;
        }

        if (position > checkpoint.Offset || (_expectedFrame != 0 && _expectedFrame != checkpoint.NextFrameSequence))
        {
            throw new CheckpointMismatchException(
                $"its position (segment {checkpoint.Segment}, offset {checkpoint.Offset}, frame {checkpoint.NextFrameSequence}) is not a frame boundary of the log");
        }

        _applying = true;
    }

    /// <summary>Handles a damaged frame: a torn tail is trimmed (returns true), anything else throws.</summary>
    private bool Damaged(int segmentIndex, FrameProblem problem)
    {
        var segment = _segments[segmentIndex];
        if (ValidFrameAfter(problem.Offset) || LaterSegmentHasFrame(segmentIndex))
        {
            throw problem.ToException(segment.Path, "valid frames follow it, so it is not a torn write");
        }

        if (!_applying)
        {
            throw problem.ToException(segment.Path, "it lies before the checkpointed position, so it was acknowledged");
        }

        var torn = segment.DataEnd;
        var trimmed = SegmentFactory.ZeroFrom(segment, torn);
        NativeMethods.FlushData(segment.Handle);
        LogMessages.TornTailTrimmed(logger, segment.Path, torn, trimmed, problem.Reason);
        return true;
    }
}
