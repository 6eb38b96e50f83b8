using System.Collections.Concurrent;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>The scheduler on <see cref="TimeProvider.CreateTimer"/>; tracks pending items so termination cancels them.</summary>
internal sealed class TimeProviderScheduler(TimeProvider timeProvider, ILoggingAdapter log) : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<ScheduledItem, byte> _pending = new();
    private volatile bool _disposed;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, null, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, null, action);
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(initialDelay, CheckInterval(interval), action);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var item in _pending.Keys)
        {
            item.Cancel();
        }
    }

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");

    private ScheduledItem Schedule(TimeSpan delay, TimeSpan? interval, Action action)
    {
        var item = new ScheduledItem(this, action, interval is not null);
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        _pending[item] = 0;
        item.Start(timeProvider, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, interval ?? Timeout.InfiniteTimeSpan);
        return item;
    }

    private sealed class ScheduledItem(TimeProviderScheduler owner, Action action, bool repeating) : ICancelable
    {
        private readonly Lock _lock = new();
        private ITimer? _timer;
        private volatile bool _cancelled;

        public bool IsCancellationRequested => _cancelled;

        public void Start(TimeProvider timeProvider, TimeSpan delay, TimeSpan interval)
        {
            lock (_lock)
            {
                if (!_cancelled)
                {
                    _timer = timeProvider.CreateTimer(static s => ((ScheduledItem)s!).Fire(), this, delay, interval);
                }
            }
        }

        public void Cancel()
        {
            lock (_lock)
            {
                _cancelled = true;
                _timer?.Dispose();
                _timer = null;
            }

            owner._pending.TryRemove(this, out _);
        }

        private void Fire()
        {
            if (_cancelled)
            {
                return;
            }

            if (!repeating)
            {
                Cancel();
            }

            try
            {
                action();
            }
            catch (Exception e)
            {
                owner.Log(e);
            }
        }
    }

    private void Log(Exception e) => log.Error(e, "Scheduled action failed");
}
