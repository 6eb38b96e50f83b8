namespace LithairAkka.TestKit.Internal;

/// <summary>An unbounded queue with blocking and asynchronous takes bounded by a timeout. Thread-safe.</summary>
internal sealed class BlockingMessageQueue<T>
{
    private readonly Lock _lock = new();
    private readonly Queue<T> _items = new();
    private TaskCompletionSource? _signal;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource? signal;
        lock (_lock)
        {
            _items.Enqueue(item);
            signal = _signal;
            _signal = null;
        }

        signal?.TrySetResult();
    }

    /// <summary>Takes the oldest item, waiting up to <paramref name="timeout"/> (infinite allowed).</summary>
    public bool TryTake(TimeSpan timeout, out T item)
    {
        var deadline = Deadline.After(timeout);
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_items.TryDequeue(out item!))
                {
                    return true;
                }

                wait = (_signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            var remaining = deadline.Remaining;
            if (remaining <= TimeSpan.Zero || !wait.Wait(remaining))
            {
                lock (_lock)
                {
                    return _items.TryDequeue(out item!);
                }
            }
        }
    }

    /// <summary>Takes the oldest item asynchronously, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<(bool Taken, T Item)> TryTakeAsync(TimeSpan timeout, CancellationToken token)
    {
        var deadline = Deadline.After(timeout);
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_items.TryDequeue(out var item))
                {
                    return (true, item);
                }

                wait = (_signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            var remaining = deadline.Remaining;
            try
            {
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await wait.WaitAsync(remaining, token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                lock (_lock)
                {
                    return _items.TryDequeue(out var item) ? (true, item) : (false, default!);
                }
            }
        }
    }

    /// <summary>Removes every queued item.</summary>
    public IReadOnlyList<T> DrainAll()
    {
        lock (_lock)
        {
            var result = _items.ToArray();
            _items.Clear();
            return result;
        }
    }
}
