namespace LithairAkka.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when told: <see cref="Advance"/> or <see cref="SetUtcNow"/>
/// fire every timer that falls due, in due order (ties in creation order), on the calling thread, with the clock
/// set to each timer's due time while its callback runs. A timer due at or before the current time fires on the
/// next <see cref="Advance"/> (<see cref="TimeSpan.Zero"/> included). Thread-safe; callbacks run outside the lock and
/// may create, change or dispose timers (ones falling due within the advanced span fire in the same call).
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly Lock _advanceLock = new();
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts the clock at <paramref name="start"/> (default 2000-01-01T00:00:00Z).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Start = _now;
    }

    /// <summary>The initial time.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Timestamps are 100 ns ticks.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The UTC time zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Number of armed timers.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueTime is not null);
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => (GetUtcNow() - Start).Ticks;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing the timers that fall due.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advanceLock)
        {
            DateTimeOffset target;
            lock (_lock)
            {
                target = _now + delta;
            }

            RunUntil(target);
        }
    }

    /// <summary>Sets the clock to <paramref name="value"/>, firing the timers that fall due.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="value"/> is earlier than now.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_advanceLock)
        {
            lock (_lock)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"The fake clock cannot go back (now {_now:O}).");
                }
            }

            RunUntil(value);
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc/>
    public override string ToString() => $"FakeTimeProvider({GetUtcNow():O})";

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                next = null;
                foreach (var timer in _timers)
                {
                    if (timer.DueTime is { } due && due <= target &&
                        (next is null || due < next.DueTime || (due == next.DueTime && timer.Sequence < next.Sequence)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueTime > _now)
                {
                    _now = next.DueTime!.Value;
                }

                next.DueTime = next.Period is { } period ? _now + period : null;
            }

            next.Fire();
        }
    }

    private void Arm(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            timer.Sequence = ++_sequence;
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
            timer.DueTime = dueTime == Timeout.InfiniteTimeSpan ? null : _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_lock)
        {
            timer.DueTime = null;
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public DateTimeOffset? DueTime { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            owner.Arm(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
