namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The append messages a leader has sent to one follower and not yet seen acknowledged, each remembered by the index of
/// its last entry (etcd's <c>Inflights</c>). A ring buffer of fixed capacity: when full, the follower is paused.
/// Not thread-safe.
/// </summary>
internal sealed class InflightWindow
{
    private readonly long[] _lastIndexes;
    private int _start;

    public InflightWindow(int capacity) => _lastIndexes = new long[capacity];

    /// <summary>Messages in flight.</summary>
    public int Count { get; private set; }

    /// <summary>Whether no more message may be sent.</summary>
    public bool IsFull => Count == _lastIndexes.Length;

    /// <summary>Records a sent message whose last entry is <paramref name="lastIndex"/> (increasing from call to call).</summary>
    public void Add(long lastIndex)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("The in-flight window is full.");
        }

        _lastIndexes[(_start + Count) % _lastIndexes.Length] = lastIndex;
        Count++;
    }

    /// <summary>Forgets every message whose last entry is at or below <paramref name="index"/> (acknowledged).</summary>
    public void FreeUpTo(long index)
    {
        while (Count > 0 && _lastIndexes[_start] <= index)
        {
            _start = (_start + 1) % _lastIndexes.Length;
            Count--;
        }
    }

    /// <summary>Forgets the oldest message, to unblock a window whose answers were lost.</summary>
    public void FreeFirst()
    {
        if (Count > 0)
        {
            _start = (_start + 1) % _lastIndexes.Length;
            Count--;
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        _start = 0;
        Count = 0;
    }
}
