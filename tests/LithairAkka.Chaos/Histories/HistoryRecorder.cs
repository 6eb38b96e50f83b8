namespace LithairAkka.Chaos.Histories;

/// <summary>
/// Collects the operations of a run as they complete, and appends each one as a JSON line to an optional writer,
/// so a run that is cut short still leaves a checkable history. Hands out operation ids and reads the monotonic
/// clock in ticks of 100 ns since the recorder was created.
/// </summary>
/// <remarks>Thread-safe: many clients record concurrently.</remarks>
public sealed class HistoryRecorder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Operation> _operations = [];
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly TextWriter? _writer;
    private long _nextId;

    /// <summary>Creates a recorder.</summary>
    /// <param name="time">The clock (its monotonic timestamp is used, never wall time).</param>
    /// <param name="writer">Where JSON lines go as operations are recorded, or <see langword="null"/>; disposed with the recorder.</param>
    public HistoryRecorder(TimeProvider time, TextWriter? writer = null)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _writer = writer;
    }

    /// <summary>Ticks of 100 ns elapsed since the recorder was created (monotonic).</summary>
    public long Now => _time.GetElapsedTime(_origin).Ticks;

    /// <summary>A fresh operation id.</summary>
    /// <returns>Ids 1, 2, 3, … in call order.</returns>
    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Records a completed (or abandoned) operation.</summary>
    /// <param name="operation">The operation.</param>
    public void Record(Operation operation)
    {
        lock (_gate)
        {
            _operations.Add(operation);
            if (_writer is not null)
            {
                _writer.Write(HistoryJson.Serialize(operation));
                _writer.Write('\n');
                _writer.Flush();
            }
        }
    }

    /// <summary>A copy of the operations recorded so far, in recording order.</summary>
    /// <returns>The snapshot.</returns>
    public IReadOnlyList<Operation> Snapshot()
    {
        lock (_gate)
        {
            return [.. _operations];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }
}
