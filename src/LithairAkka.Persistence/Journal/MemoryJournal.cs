using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Serialization;

namespace LithairAkka.Persistence.Journal;

/// <summary>
/// The in-memory journal (<c>akka.persistence.journal.inmem</c>), for tests: events are serialized (a payload that
/// cannot be serialized is rejected, as by a real store) and kept per plugin instance, i.e. per actor system.
/// A call is all-or-nothing: events must be appended above the highest sequence number of their persistence id,
/// otherwise nothing of the call is stored and it fails. Deleted events are removed; the highest sequence number
/// is kept. Thread-safe; derive to inject faults in tests.
/// </summary>
public class MemoryJournal : AsyncWriteJournal
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EventStream> _streams = new(StringComparer.Ordinal);
    private readonly IEventSerializer _serializer;
    private readonly TimeProvider _timeProvider;

    /// <summary>A journal with the JSON serializer and the system clock.</summary>
    public MemoryJournal()
        : this(new JsonEventSerializer(), TimeProvider.System)
    {
    }

    /// <summary>The plugin constructor: the system's persistence serializer and clock.</summary>
    public MemoryJournal(Config config, ActorSystem system)
        : this(Persistence.Get(system ?? throw new ArgumentNullException(nameof(system))).Serializer, system.TimeProvider)
    {
    }

    /// <summary>A journal with the given serializer and clock.</summary>
    public MemoryJournal(IEventSerializer serializer, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _serializer = serializer;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Exception?[]? results = null;
        var staged = new List<(string PersistenceId, StoredEvent[] Events)>(messages.Count);
        var now = _timeProvider.GetUtcNow().UtcTicks;
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                staged.Add((messages[i].PersistenceId, Serialize(messages[i], now)));
            }
            catch (Exception e)
            {
                results ??= new Exception?[messages.Count];
                results[i] = e;
            }
        }

        lock (_lock)
        {
            var highest = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (persistenceId, events) in staged)
            {
                var current = highest.TryGetValue(persistenceId, out var h) ? h : _streams.GetValueOrDefault(persistenceId)?.Highest ?? 0;
                if (events[0].SequenceNr <= current)
                {
                    throw new InvalidOperationException(
                        $"Cannot write sequence number {events[0].SequenceNr} of [{persistenceId}]: {current} is already stored.");
                }

                highest[persistenceId] = events[^1].SequenceNr;
            }

            foreach (var (persistenceId, events) in staged)
            {
                if (!_streams.TryGetValue(persistenceId, out var stream))
                {
                    stream = new EventStream();
                    _streams.Add(persistenceId, stream);
                }

                stream.Events.AddRange(events);
                stream.Highest = events[^1].SequenceNr;
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Exception?>?>(results);
    }

    /// <inheritdoc/>
    public override Task ReplayMessagesAsync(
        ReplayContext context,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<Persistent> recoveryCallback,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        StoredEvent[] events;
        lock (_lock)
        {
            if (!_streams.TryGetValue(persistenceId, out var stream))
            {
                return Task.CompletedTask;
            }

            events = stream.Range(fromSequenceNr, toSequenceNr, max);
        }

        foreach (var stored in events)
        {
            token.ThrowIfCancellationRequested();
            var payload = _serializer.Deserialize(stored.Payload, stored.Manifest);
            recoveryCallback(new Persistent(payload, stored.SequenceNr, persistenceId, stored.Manifest, false, null, stored.WriterGuid, stored.Timestamp));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override ValueTask<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken token)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_streams.TryGetValue(persistenceId, out var stream) ? stream.Highest : 0L);
        }
    }

    /// <inheritdoc/>
    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken token)
    {
        lock (_lock)
        {
            if (_streams.TryGetValue(persistenceId, out var stream))
            {
                stream.Events.RemoveAll(e => e.SequenceNr <= toSequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    private StoredEvent[] Serialize(AtomicWrite write, long now)
    {
        var events = new StoredEvent[write.Payload.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var persistent = write.Payload[i];
            var payload = persistent.Payload is Tagged tagged ? tagged.Payload : persistent.Payload;
            var serialized = _serializer.Serialize(payload);
            events[i] = new StoredEvent(persistent.SequenceNr, serialized.Bytes, serialized.Manifest, persistent.WriterGuid, now);
        }

        return events;
    }

    private readonly record struct StoredEvent(long SequenceNr, byte[] Payload, string Manifest, string WriterGuid, long Timestamp);

    private sealed class EventStream
    {
        public List<StoredEvent> Events { get; } = [];

        public long Highest { get; set; }

        public StoredEvent[] Range(long from, long to, long max)
        {
            var result = new List<StoredEvent>();
            var start = BinarySearchFirst(from);
            for (var i = start; i < Events.Count && result.Count < max && Events[i].SequenceNr <= to; i++)
            {
                result.Add(Events[i]);
            }

            return [.. result];
        }

        private int BinarySearchFirst(long sequenceNr)
        {
            int low = 0, high = Events.Count;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Events[mid].SequenceNr < sequenceNr)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
