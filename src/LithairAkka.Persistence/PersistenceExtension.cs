using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>The extension id of <see cref="Persistence"/>; use <see cref="Persistence.Get(ActorSystem)"/>.</summary>
public sealed class PersistenceExtension : ExtensionIdProvider<Persistence>
{
    /// <inheritdoc/>
    public override Persistence CreateExtension(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new Persistence(system);
    }
}
