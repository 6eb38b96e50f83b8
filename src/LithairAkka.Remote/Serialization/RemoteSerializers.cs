
namespace LithairAkka.Remote.Serialization;

/// <summary>Registers the serializers remoting needs (misc, system messages, selections) with a system's registry.</summary>
internal static class RemoteSerializers
{
    public static void Register(ExtendedActorSystem system)
    {
        var serialization = Actors.Serialization.Serialization.Get(system);
        serialization.AddSerializer("akka-misc", new MiscMessageSerializer(system));
        serialization.AddSerializer("akka-system-msg", new SystemMessageSerializer(system));
        serialization.AddSerializer("akka-containers", new MessageContainerSerializer(system));
    }
}
