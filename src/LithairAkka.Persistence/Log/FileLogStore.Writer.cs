namespace LithairAkka.Persistence.Log;

/// <content>
/// The writer thread: group commit. It takes every operation queued since its last round, validates each against the
/// durable state plus the operations before it in the round, encodes the accepted ones into one frame, writes it with
/// one positional write and one <c>fdatasync</c>, applies the frame to the in-memory index, and completes the callers.
/// </content>
public sealed partial class FileLogStore
{
    private readonly List<SegmentFile> _segments = [];
    private readonly Dictionary<long, PendingGroup> _pending = [];
    private readonly Stack<PendingGroup> _pendingPool = new();
    private readonly List<WriteRequest> _round = [];
    private byte[] _frame = new byte[1 << 20];
    private int _frameLength;
    private int _roundRecords;
    private SegmentFile _active;
    private long _nextFrameSequence;
    private Task<SegmentFile>? _nextSegment;
    private long _bytesSinceCheckpoint;
    private bool _checkpointWanted;
    private Task? _checkpointWrite;

    private void WriterLoop()
    {
        var batch = new List<WriteRequest>();
        try
        {
            PrepareNextSegment();
            while (true)
            {
                bool idle = false, stop = false;
                lock (_queueLock)
                {
                    if (_queue.Count > 0)
                    {
                        (batch, _queue) = (_queue, batch);
                    }
                    else if (_closed)
                    {
                        stop = true;
                    }
                    else
                    {
                        _writerIdle = true;
                        idle = true;
                    }
                }

                if (stop)
                {
                    break;
                }

                if (idle)
                {
                    _queueSignal.Wait();
                    continue;
                }

                ProcessBatch(batch);
                batch.Clear();
            }

            ShutDown();
        }
        catch (Exception ex)
        {
            FaultWriter(ex, batch);
        }
        finally
        {
            _writerStopped.TrySetResult();
        }
    }

    private void ProcessBatch(List<WriteRequest> batch)
    {
        var next = 0;
        while (next < batch.Count)
        {
            next = BuildRound(batch, next);
            if (_round.Count > 0)
            {
                CommitRound();
                MaybeRelocate();
            }
        }
    }

    private int BuildRound(List<WriteRequest> batch, int start)
    {
        _frameLength = LogFormat.FrameHeaderSize;
        _roundRecords = 0;
        foreach (var pending in _pending.Values)
        {
            _pendingPool.Push(pending);
        }

        _pending.Clear();
        var i = start;
        for (; i < batch.Count; i++)
        {
            var request = batch[i];
            if (_round.Count > 0 && _frameLength + request.Size > _options.MaxRoundBytes)
            {
                break;
            }

            if (request.Token.IsCancellationRequested)
            {
                request.Cancel();
                continue;
            }

            try
            {
                Stage(request);
                _round.Add(request);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                request.Fail(ex);
            }
        }

        return i;
    }

    /// <summary>Validates one operation against the round's view of its group and encodes its record.</summary>
    private void Stage(WriteRequest request)
    {
        request.BodyOffset = _frameLength;
        request.Accepted = Pending(request.GroupId).Stage(request, _options.MaxEntryPayloadBytes);
        if (!request.Accepted)
        {
            return;
        }

        EnsureFrameCapacity(request.Size);
        switch (request.Type)
        {
            case RecordType.Entry:
                var entries = request.Entries.Span;
                foreach (ref readonly var entry in entries)
                {
                    _frameLength += LogFormat.WriteEntry(_frame.AsSpan(_frameLength), request.GroupId, entry);
                }

                _roundRecords += entries.Length;
                break;
            case RecordType.Truncate:
                _frameLength += LogFormat.WriteTruncate(_frame.AsSpan(_frameLength), request.GroupId, request.Index);
                _roundRecords++;
                break;
            case RecordType.Compact:
                _frameLength += LogFormat.WriteCompact(_frame.AsSpan(_frameLength), request.GroupId, request.Index, request.Term, request.KeepSuffix);
                _roundRecords++;
                break;
            default:
                _frameLength += LogFormat.WriteHardState(_frame.AsSpan(_frameLength), request.GroupId, request.State);
                _roundRecords++;
                break;
        }
    }

    private void CommitRound()
    {
        if (_roundRecords > 0)
        {
            var shift = 0;
            var padded = LogFormat.Align(_frameLength);
            if (_active.HasFrames && _active.DataEnd + padded > _options.SegmentSize)
            {
                Rotate();
            }

            if (!_active.HasFrames)
            {
                shift = InsertPreamble();
                padded = LogFormat.Align(_frameLength);
            }

            EnsureFrameCapacity((int)(padded - _frameLength));
            _frame.AsSpan(_frameLength, (int)(padded - _frameLength)).Clear();
            LogFormat.WriteFrameHeader(_frame, _frameLength - LogFormat.FrameHeaderSize, _nextFrameSequence, _roundRecords);
            var frameStart = _active.DataEnd;
            RandomAccess.Write(_active.Handle, _frame.AsSpan(0, (int)padded), frameStart);
            NativeMethods.FlushData(_active.Handle);
            _active.DataEnd += padded;
            _active.HasFrames = true;
            _nextFrameSequence++;
            _bytesSinceCheckpoint += padded;
            ApplyRound(frameStart + shift);
        }

        foreach (var request in _round)
        {
            request.Complete();
        }

        _round.Clear();
        DeleteDeadSegments();
        MaybeCheckpoint();
    }

    private void ApplyRound(long frameStart)
    {
        foreach (var request in _round)
        {
            if (!request.Accepted)
            {
                continue;
            }

            var group = _groups.GetOrAdd(request.GroupId, static id => new GroupLog(id));
            lock (group)
            {
                if (request.Relocated is { } moved)
                {
                    ApplyRelocation(group, request, moved, frameStart);
                    continue;
                }

                switch (request.Type)
                {
                    case RecordType.Entry:
                        var offset = frameStart + request.BodyOffset;
                        foreach (ref readonly var entry in request.Entries.Span)
                        {
                            var length = LogFormat.EntryHeaderSize + entry.Payload.Length;
                            if (!group.TryAppend(entry.Index, new EntryLocation(entry.Term, offset, _active.Sequence, length), recovering: false))
                            {
                                throw new InvalidOperationException($"Group {request.GroupId}: validated entry {entry.Index} does not follow the index.");
                            }

                            offset += length;
                        }

                        _active.LiveEntries += request.Entries.Length;
                        break;
                    case RecordType.Truncate:
                        Release(group.TruncateFrom(request.Index));
                        break;
                    case RecordType.Compact:
                        Release(group.CompactTo(request.Index, request.Term, request.KeepSuffix));
                        _relocationCheckDue = true;
                        break;
                    default:
                        group.Bounds.HardState = request.State;
                        break;
                }
            }
        }
    }

    private void Release(ReadOnlySpan<EntryLocation> removed)
    {
        foreach (var location in removed)
        {
            if (_segmentsBySequence.TryGetValue(location.Segment, out var segment))
            {
                segment.LiveEntries--;
            }
        }
    }

    private PendingGroup Pending(long groupId)
    {
        if (!_pending.TryGetValue(groupId, out var pending))
        {
            pending = _pendingPool.Count > 0 ? _pendingPool.Pop() : new PendingGroup();
            pending.Reset(_groups.GetValueOrDefault(groupId));
            _pending.Add(groupId, pending);
        }

        return pending;
    }

    private void EnsureFrameCapacity(long more)
    {
        if (_frameLength + more > _frame.Length)
        {
            Array.Resize(ref _frame, (int)Math.Min(Array.MaxLength, Math.Max(_frame.Length * 2L, _frameLength + more)));
        }
    }

    private void FaultWriter(Exception error, List<WriteRequest> batch)
    {
        LogMessages.Faulted(_logger, error, _directory);
        List<WriteRequest> queued;
        lock (_queueLock)
        {
            _fault = error;
            queued = _queue;
            _queue = [];
        }

        var fault = Faulted(error);
        foreach (var request in _round.Concat(batch).Concat(queued))
        {
            request.Fail(fault);
        }

        _round.Clear();
        CloseFiles();
    }
}
