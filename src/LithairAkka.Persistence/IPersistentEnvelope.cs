namespace LithairAkka.Persistence;

/// <summary>
/// An entry of a <see cref="WriteMessages"/> request: an <see cref="AtomicWrite"/> of events to store, or a
/// <see cref="NonPersistentMessage"/> the journal only loops back (DeferAsync) to keep its handler in order.
/// </summary>
public interface IPersistentEnvelope
{
    /// <summary>The number of events the entry carries (0 for a message that is not stored).</summary>
    int Size { get; }
}
