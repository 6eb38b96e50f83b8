using LithairAkka.Actors;
using LithairAkka.Hocon;
using SerializationRegistry = LithairAkka.Actors.Serialization.Serialization;

namespace LithairAkka.Remote.Tests.Serialization;

/// <summary>One actor system with remoting for serializer round trips (refs resolve through its provider).</summary>
public sealed class SerializerTestNode : IDisposable
{
    public SerializerTestNode()
    {
        System = (ExtendedActorSystem)ActorSystem.Create("serializers", ConfigurationFactory.ParseString("""
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp.port = 0
            akka.loglevel = WARNING
            """));
        Registry = SerializationRegistry.Get(System);
    }

    public ExtendedActorSystem System { get; }

    public SerializationRegistry Registry { get; }

    /// <summary>Serializes with the bound serializer and reads it back through the id and manifest, as the wire does.</summary>
    public T RoundTrip<T>(T message, int expectedSerializerId)
        where T : notnull
    {
        var serializer = Registry.FindSerializerFor(message);
        Assert.Equal(expectedSerializerId, serializer.Identifier);
        var bytes = serializer.ToBinary(message);
        var manifest = serializer.IncludeManifest ? serializer.Manifest(message) : string.Empty;
        return Assert.IsType<T>(Registry.Deserialize(bytes, serializer.Identifier, manifest));
    }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}
