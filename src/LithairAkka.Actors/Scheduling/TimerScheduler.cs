namespace LithairAkka.Actors;

/// <summary>
/// The timers of one actor incarnation. Each start gets a fresh generation; the timer thread only sends a
/// <see cref="TimerMessage"/> carrying key and generation, and the actor delivers the payload only if that key still
/// maps to that generation, so stale messages are dropped without races. Actor thread only (except firing).
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer?.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer?.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Returns the payload when <paramref name="message"/> belongs to a live timer.</summary>
    internal bool TryDeliver(TimerMessage message, out object payload)
    {
        payload = message.Payload;
        if (!_timers.TryGetValue(message.Key, out var entry) || entry.Generation != message.Generation)
        {
            return false;
        }

        if (!entry.Repeating)
        {
            _timers.Remove(message.Key);
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (interval is { } i && i <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        }

        Cancel(key);
        var entry = new Entry(new TimerMessage(this, key, message, ++_generation), interval is not null);
        _timers[key] = entry;
        entry.Timer = cell.SystemImpl.TimeProvider.CreateTimer(
            static s =>
            {
                var (target, timerMessage) = ((IActorRef, TimerMessage))s!;
                target.Tell(timerMessage, null);
            },
            (cell.Self, entry.Message),
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
            interval ?? Timeout.InfiniteTimeSpan);
    }

    private sealed class Entry(TimerMessage message, bool repeating)
    {
        public TimerMessage Message { get; } = message;

        public bool Repeating { get; } = repeating;

        public int Generation => Message.Generation;

        public ITimer? Timer { get; set; }
    }

    /// <summary>What a timer sends to its actor.</summary>
    internal sealed record TimerMessage(TimerScheduler Owner, object Key, object Payload, int Generation)
        : IAutoReceivedMessage, INotInfluenceReceiveTimeout, IDeadLetterSuppression;
}
