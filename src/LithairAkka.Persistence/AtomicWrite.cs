namespace LithairAkka.Persistence;

/// <summary>
/// Events of one persistence id that a journal stores all or none of (one <c>Persist</c>, or one <c>PersistAll</c>).
/// Their sequence numbers are consecutive and ascending. Immutable.
/// </summary>
public sealed class AtomicWrite : IPersistentEnvelope
{
    /// <summary>A write of a single event.</summary>
    /// <param name="event">The event.</param>
    public AtomicWrite(Persistent @event)
        : this(new[] { @event ?? throw new ArgumentNullException(nameof(@event)) })
    {
    }

    /// <summary>A write of several events of one persistence id.</summary>
    /// <param name="payload">The events, ascending by sequence number.</param>
    /// <exception cref="ArgumentException">When empty, or when the events belong to different persistence ids or are not ascending.</exception>
    public AtomicWrite(IReadOnlyList<Persistent> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(payload));
        }

        var first = payload[0];
        for (var i = 1; i < payload.Count; i++)
        {
            if (!string.Equals(payload[i].PersistenceId, first.PersistenceId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"An atomic write must contain events of one persistence id, found [{first.PersistenceId}] and [{payload[i].PersistenceId}].",
                    nameof(payload));
            }

            if (payload[i].SequenceNr <= payload[i - 1].SequenceNr)
            {
                throw new ArgumentException("The events of an atomic write must have ascending sequence numbers.", nameof(payload));
            }
        }

        Payload = payload;
    }

    /// <summary>The events, ascending by sequence number.</summary>
    public IReadOnlyList<Persistent> Payload { get; }

    /// <summary>The persistence id of every event.</summary>
    public string PersistenceId => Payload[0].PersistenceId;

    /// <summary>The sequence number of the first event.</summary>
    public long LowestSequenceNr => Payload[0].SequenceNr;

    /// <summary>The sequence number of the last event.</summary>
    public long HighestSequenceNr => Payload[^1].SequenceNr;

    /// <inheritdoc/>
    public int Size => Payload.Count;

    /// <inheritdoc/>
    public override string ToString() => $"AtomicWrite({PersistenceId}, {LowestSequenceNr}..{HighestSequenceNr})";
}
