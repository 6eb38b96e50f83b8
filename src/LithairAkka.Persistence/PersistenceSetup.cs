using LithairAkka.Actors;
using LithairAkka.Persistence.Serialization;

namespace LithairAkka.Persistence;

/// <summary>
/// Programmatic persistence settings carried in an <see cref="ActorSystemSetup"/>:
/// <c>ActorSystemSetup.Empty.And(new PersistenceSetup(mySerializer))</c>. Immutable.
/// </summary>
public sealed class PersistenceSetup : Setup
{
    /// <summary>Creates the setup.</summary>
    /// <param name="serializer">The serializer of event and snapshot payloads for every plugin of the system.</param>
    public PersistenceSetup(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Serializer = serializer;
    }

    /// <summary>The serializer of event and snapshot payloads.</summary>
    public IEventSerializer Serializer { get; }
}
