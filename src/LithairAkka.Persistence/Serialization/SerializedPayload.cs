namespace LithairAkka.Persistence.Serialization;

/// <summary>A serialized payload: its bytes, the manifest needed to read it back, and the serializer's id.</summary>
/// <param name="Bytes">The serialized form.</param>
/// <param name="Manifest">What the serializer needs to restore the type.</param>
/// <param name="SerializerId">The <see cref="IEventSerializer.Identifier"/> of the serializer.</param>
public readonly record struct SerializedPayload(byte[] Bytes, string Manifest, int SerializerId);
