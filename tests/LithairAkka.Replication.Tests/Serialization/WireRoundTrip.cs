using LithairAkka.Actors;

namespace LithairAkka.Replication.Tests.Serialization;

/// <summary>Serializes a message the way the remote endpoint does (serializer found by binding, id and manifest on the
/// wire) and reads it back.</summary>
internal static class WireRoundTrip
{
    public static T Through<T>(ActorSystem system, T message, int expectedSerializerId)
        where T : notnull
    {
        var serialization = LithairAkka.Actors.Serialization.Serialization.Get(system);
        var serializer = serialization.FindSerializerFor(message);
        Assert.Equal(expectedSerializerId, serializer.Identifier);
        var manifest = serializer.Manifest(message);
        var bytes = serializer.ToBinary(message);
        var copy = serialization.Deserialize(bytes, serializer.Identifier, manifest);
        Assert.Equal(message.GetType(), copy.GetType());
        return (T)copy;
    }
}
