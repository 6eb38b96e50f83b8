using System.Collections.Concurrent;

namespace LithairAkka.Actors.Event;

/// <summary>
/// The actor system's publish-subscribe bus. A subscriber to a channel type receives every published event whose
/// type is that type or derives from it (once, even when several of its channels match). Publishing is lock-free:
/// the per-event-type subscriber list is computed once per subscription snapshot and cached. Thread-safe.
/// Subscribers that are actors are unsubscribed automatically when they stop.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private volatile Snapshot _snapshot = new([]);
    private IActorRef? _unsubscriber;
    private volatile int _logLevel = (int)LogLevel.InfoLevel;

    /// <summary>Subscribes <paramref name="subscriber"/> to events of <paramref name="channel"/> and its subtypes.</summary>
    /// <returns>False when that subscription already existed.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        IActorRef? unsubscriber;
        lock (_lock)
        {
            var current = _snapshot.Subscriptions;
            if (current.Any(s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
            {
                return false;
            }

            _snapshot = new Snapshot([.. current, new Subscription(channel, subscriber)]);
            unsubscriber = _unsubscriber;
        }

        unsubscriber?.Tell(new EventStreamUnsubscriber.Register(subscriber), null);
        return true;
    }

    /// <summary>Removes the subscription of <paramref name="subscriber"/> to exactly <paramref name="channel"/>.</summary>
    /// <returns>True when it existed.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var current = _snapshot.Subscriptions;
            var next = current.Where(s => !(s.Channel == channel && s.Subscriber.Equals(subscriber))).ToArray();
            if (next.Length == current.Length)
            {
                return false;
            }

            _snapshot = new Snapshot(next);
            return true;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    /// <returns>True when there was one.</returns>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            var current = _snapshot.Subscriptions;
            var next = current.Where(s => !s.Subscriber.Equals(subscriber)).ToArray();
            if (next.Length == current.Length)
            {
                return false;
            }

            _snapshot = new Snapshot(next);
            return true;
        }
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber (sender: none).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var subscriber in _snapshot.SubscribersOf(@event.GetType()))
        {
            subscriber.Tell(@event, null);
        }
    }

    /// <summary>
    /// The level below which the system's logging adapters drop entries (Akka.NET's <c>LoggingBus.LogLevel</c>).
    /// Starts at <c>akka.loglevel</c>; <see cref="SetLogLevel"/> changes it at run time. Thread-safe.
    /// </summary>
    public LogLevel LogLevel => (LogLevel)_logLevel;

    /// <summary>Changes <see cref="LogLevel"/> for every adapter of the system, including those already created. Thread-safe.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level.</exception>
    public void SetLogLevel(LogLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Not a log level.");
        }

        _logLevel = (int)level;
    }

    /// <summary>True when some subscriber would receive events of <paramref name="eventType"/>.</summary>
    public bool HasSubscribers(Type eventType) => _snapshot.SubscribersOf(eventType).Length > 0;

    internal void StartUnsubscriber(IActorRef unsubscriber)
    {
        IActorRef[] existing;
        lock (_lock)
        {
            _unsubscriber = unsubscriber;
            existing = _snapshot.Subscriptions.Select(s => s.Subscriber).Distinct().ToArray();
        }

        foreach (var subscriber in existing)
        {
            unsubscriber.Tell(new EventStreamUnsubscriber.Register(subscriber), null);
        }
    }

    private sealed record Subscription(Type Channel, IActorRef Subscriber);

    private sealed class Snapshot(Subscription[] subscriptions)
    {
        private readonly ConcurrentDictionary<Type, IActorRef[]> _byType = new();

        public Subscription[] Subscriptions { get; } = subscriptions;

        public IActorRef[] SubscribersOf(Type eventType) =>
            Subscriptions.Length == 0
                ? []
                : _byType.GetOrAdd(eventType, static (type, subs) => subs.Where(s => s.Channel.IsAssignableFrom(type)).Select(s => s.Subscriber).Distinct().ToArray(), Subscriptions);
    }
}
