using System.Runtime.Serialization;
using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Remote.Serialization;

/// <summary>
/// Serializer <c>akka-system-msg</c> (identifier 22): the system messages remote refs carry — <see cref="Watch"/>,
/// <see cref="Unwatch"/>, <see cref="DeathWatchNotification"/> and <see cref="Terminate"/>. Refs travel as
/// serialized paths and resolve on arrival. Thread-safe.
/// </summary>
public sealed class SystemMessageSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 22;

    /// <summary>Creates the serializer and its codecs.</summary>
    public SystemMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<Watch>("W", static (w, m) => WritePair(w, m.Watchee, m.Watcher), static (ref BinaryMessageReader r) => new Watch(ReadRef(ref r), ReadRef(ref r)));
        Register<Unwatch>("U", static (w, m) => WritePair(w, m.Watchee, m.Watcher), static (ref BinaryMessageReader r) => new Unwatch(ReadRef(ref r), ReadRef(ref r)));
        Register<DeathWatchNotification>(
            "D",
            static (w, m) =>
            {
                w.WriteActorRef(m.Actor);
                w.WriteBoolean(m.ExistenceConfirmed);
                w.WriteBoolean(m.AddressTerminated);
            },
            static (ref BinaryMessageReader r) => new DeathWatchNotification(ReadRef(ref r), r.ReadBoolean(), r.ReadBoolean()));
        Register("T", Terminate.Instance);
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    private static void WritePair(BinaryMessageWriter writer, IActorRef watchee, IActorRef watcher)
    {
        writer.WriteActorRef(watchee);
        writer.WriteActorRef(watcher);
    }

    private static IInternalActorRef ReadRef(ref BinaryMessageReader reader) =>
        reader.ReadActorRef() as IInternalActorRef ?? throw new SerializationException("A system message names no actor.");
}
