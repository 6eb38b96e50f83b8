using LithairAkka.Actors.Serialization;

namespace LithairAkka.Remote.Serialization;

/// <summary>
/// Serializer <c>akka-misc</c> (identifier 16): the runtime's small messages that cross nodes — <see cref="Identify"/>,
/// <see cref="ActorIdentity"/>, <see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Status.Success"/>,
/// <see cref="Status.Failure"/> and the remote watcher's heartbeats. Payloads inside them go through the registry;
/// an exception travels as its type name, message and stack trace (see <see cref="ExceptionCodec"/>). Thread-safe.
/// </summary>
public sealed class MiscMessageSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 16;

    /// <summary>Creates the serializer and its codecs.</summary>
    public MiscMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<Identify>("ID", static (w, m) => w.WritePayload(m.MessageId), static (ref BinaryMessageReader r) => new Identify(r.ReadPayload()));
        Register<ActorIdentity>(
            "AI",
            static (w, m) =>
            {
                w.WritePayload(m.MessageId);
                w.WriteActorRef(m.Subject);
            },
            static (ref BinaryMessageReader r) =>
            {
                var id = r.ReadPayload();
                var subject = r.ReadActorRef();
                return new ActorIdentity(id, subject is Nobody ? null : subject);
            });
        Register("PP", PoisonPill.Instance);
        Register("K", Kill.Instance);
        Register<Status.Success>("S", static (w, m) => w.WritePayload(m.Result), static (ref BinaryMessageReader r) => new Status.Success(r.ReadPayload()));
        Register<Status.Failure>("F", static (w, m) => ExceptionCodec.Write(w, m.Cause), static (ref BinaryMessageReader r) => new Status.Failure(ExceptionCodec.Read(ref r)));
        Register("HB", RemoteWatcher.Heartbeat.Instance);
        Register<RemoteWatcher.HeartbeatRsp>("HBR", static (w, m) => w.WriteVarInt64(m.AddressUid), static (ref BinaryMessageReader r) => new RemoteWatcher.HeartbeatRsp(r.ReadVarInt64()));
    }

    /// <inheritdoc/>
    public override int Identifier => Id;
}
