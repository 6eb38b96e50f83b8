using LithairAkka.Actors;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Serialization;

namespace LithairAkka.Replication.Tests.Remoting;

/// <summary>A message a newer node might send that this version does not know.</summary>
public sealed record ForeignMessage(string Text);

/// <summary>Stands in for a future version of the client serializer: same identifier, a manifest the current one lacks.</summary>
public sealed class ForeignClientSerializer : BinaryMessageSerializer
{
    public ForeignClientSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<ForeignMessage>("zz-from-the-future", static (w, m) => w.WriteString(m.Text), static (ref BinaryMessageReader r) => new ForeignMessage(r.ReadRequiredString()));
    }

    public override int Identifier => ReplicationClientSerializer.Id;
}
