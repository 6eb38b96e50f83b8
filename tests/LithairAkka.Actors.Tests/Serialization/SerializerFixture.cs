using SerializationRegistry = LithairAkka.Actors.Serialization.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

/// <summary>A local actor system and its serializer registry, shared by a test class.</summary>
public sealed class SerializerFixture : IDisposable
{
    public SerializerFixture()
    {
        System = (ExtendedActorSystem)ActorSystem.Create("serializers");
        Registry = SerializationRegistry.Get(System);
    }

    public ExtendedActorSystem System { get; }

    public SerializationRegistry Registry { get; }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}
