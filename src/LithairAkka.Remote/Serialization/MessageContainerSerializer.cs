using LithairAkka.Actors.Serialization;

namespace LithairAkka.Remote.Serialization;

/// <summary>
/// Serializer <c>akka-containers</c> (identifier 6): an <see cref="ActorSelectionMessage"/> on its way to the node
/// that continues the selection — the wrapped message through the registry, the remaining path elements as text
/// (names, <c>*</c>/<c>?</c> patterns, <c>..</c>) and the fan-out flag. Thread-safe.
/// </summary>
public sealed class MessageContainerSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 6;

    /// <summary>Creates the serializer and its codec.</summary>
    public MessageContainerSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<ActorSelectionMessage>(
            "SEL",
            static (w, m) =>
            {
                w.WritePayload(m.Message);
                w.WriteVarUInt32((uint)m.Elements.Count);
                foreach (var element in m.Elements)
                {
                    w.WriteString(element.ToString());
                }

                w.WriteBoolean(m.WildcardFanOut);
            },
            static (ref BinaryMessageReader r) =>
            {
                var message = r.ReadPayload() ?? throw new System.Runtime.Serialization.SerializationException("An actor selection carries no message.");
                var count = r.ReadVarUInt32();
                if (count > r.Remaining)
                {
                    throw new System.Runtime.Serialization.SerializationException("Malformed actor selection: more elements than bytes.");
                }

                var elements = new SelectionPathElement[count];
                for (var i = 0; i < elements.Length; i++)
                {
                    elements[i] = SelectionPathElement.Parse(r.ReadRequiredString());
                }

                return new ActorSelectionMessage(message, elements, r.ReadBoolean());
            });
    }

    /// <inheritdoc/>
    public override int Identifier => Id;
}
