namespace LithairAkka.Persistence.Log;

/// <content>Segment rotation and deletion, the group-state preamble, checkpoints and shutdown (writer thread).</content>
public sealed partial class FileLogStore
{
    private void Rotate()
    {
        var next = _nextSegment is { } prepared
            ? prepared.GetAwaiter().GetResult()
            : SegmentFactory.Create(_directory, _active.Sequence + 1, 0);
        _nextSegment = null;
        _segments.Add(next);
        _segmentsBySequence[next.Sequence] = next;
        _active = next;
        _relocationCheckDue = true;
        PrepareNextSegment();
    }

    private void PrepareNextSegment()
    {
        if (!_options.PreallocateSegments || _nextSegment is not null)
        {
            return;
        }

        var sequence = _active.Sequence + 1;
        var size = _options.SegmentSize;
        var directory = _directory;
        _nextSegment = Task.Run(() => SegmentFactory.Create(directory, sequence, size));
    }

    /// <summary>
    /// Puts a group-state record for every known group at the start of the frame body (the first frame of a
    /// segment), so older segments can be deleted without losing compaction points and hard states.
    /// </summary>
    /// <returns>How many bytes the round's own records moved.</returns>
    private int InsertPreamble()
    {
        var size = _groups.Count * LogFormat.GroupStateRecordSize;
        if (size == 0)
        {
            return 0;
        }

        EnsureFrameCapacity(size);
        var body = LogFormat.FrameHeaderSize;
        Array.Copy(_frame, body, _frame, body + size, _frameLength - body);
        var at = body;
        foreach (var group in _groups.Values)
        {
            at += LogFormat.WriteGroupState(_frame.AsSpan(at), group.GroupId, group.Bounds);
        }

        _frameLength += size;
        _roundRecords += _groups.Count;
        return size;
    }

    /// <summary>Deletes the oldest segments while no live entry is left in them.</summary>
    private void DeleteDeadSegments()
    {
        var deleted = false;
        while (_segments.Count > 1 && _segments[0] != _active && _segments[0].LiveEntries == 0 && _segments[1].HasFrames)
        {
            var segment = _segments[0];
            _segments.RemoveAt(0);
            _segmentsBySequence.TryRemove(segment.Sequence, out _);
            File.Delete(segment.Path);
            segment.Release();
            LogMessages.SegmentDeleted(_logger, segment.Path);
            deleted = true;
        }

        if (deleted)
        {
            NativeMethods.FlushDirectory(_directory);
            _checkpointWanted = true;
        }
    }

    private void MaybeCheckpoint()
    {
        var due = _checkpointWanted
            || (_options.CheckpointIntervalBytes > 0 && _bytesSinceCheckpoint >= _options.CheckpointIntervalBytes);
        if (!due || _checkpointWrite is { IsCompleted: false })
        {
            return;
        }

        // Encoded here, between rounds, so it is a consistent cut; written to disk off the writer thread.
        var data = EncodeCheckpoint();
        var directory = _directory;
        var logger = _logger;
        _checkpointWrite = Task.Run(() =>
        {
            try
            {
                LogCheckpoint.WriteFile(directory, data);
            }
            catch (Exception ex)
            {
                // The log alone rebuilds the index; a failed checkpoint only makes the next open slower.
                LogMessages.CheckpointFailed(logger, ex, directory);
            }
        });
    }

    private byte[] EncodeCheckpoint()
    {
        _bytesSinceCheckpoint = 0;
        _checkpointWanted = false;
        return LogCheckpoint.Serialize(_active.Sequence, _active.DataEnd, _nextFrameSequence, (ICollection<GroupLog>)_groups.Values);
    }

    private void ShutDown()
    {
        _checkpointWrite?.GetAwaiter().GetResult();
        if (_bytesSinceCheckpoint > 0 || _checkpointWanted)
        {
            LogCheckpoint.WriteFile(_directory, EncodeCheckpoint());
        }

        CloseFiles();
    }

    private void CloseFiles()
    {
        try
        {
            _checkpointWrite?.Wait();
            _nextSegment?.GetAwaiter().GetResult().Release();
        }
        catch (Exception ex) when (ex is IOException or AggregateException or UnauthorizedAccessException)
        {
            // The prepared segment could not be created; nothing to close.
        }

        _nextSegment = null;
        foreach (var segment in _segments)
        {
            segment.Release();
        }

        _segments.Clear();
        _segmentsBySequence.Clear();
    }
}
