namespace LithairAkka.Actors.Serialization;

/// <summary>The extension id of <see cref="Serialization"/>; use <see cref="Serialization.Get"/>.</summary>
public sealed class SerializationExtension : ExtensionIdProvider<Serialization>
{
    /// <inheritdoc/>
    public override Serialization CreateExtension(ExtendedActorSystem system) => new(system);
}
