namespace LithairAkka.Persistence.Serialization;

/// <summary>
/// Turns event and snapshot payloads into bytes for a journal or snapshot store and back. The persistence layer
/// uses one serializer per actor system (<see cref="PersistenceSetup"/>; <see cref="JsonEventSerializer"/> by
/// default). The remote layer's serializer registry will replace this seam once it exists: <see cref="Identifier"/>
/// values are stored next to each payload so that stored data stays readable across that change.
/// Implementations must be thread-safe.
/// </summary>
public interface IEventSerializer
{
    /// <summary>The id stored with every payload this serializer wrote (journal column <c>identifier</c>).</summary>
    int Identifier { get; }

    /// <summary>Serializes <paramref name="payload"/>.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">When the payload cannot be serialized; a journal rejects the write.</exception>
    SerializedPayload Serialize(object payload);

    /// <summary>Restores a payload this serializer wrote.</summary>
    /// <param name="data">The stored bytes.</param>
    /// <param name="manifest">The stored manifest.</param>
    /// <exception cref="System.Runtime.Serialization.SerializationException">When the bytes or the manifest cannot be read.</exception>
    object Deserialize(ReadOnlySpan<byte> data, string manifest);
}
