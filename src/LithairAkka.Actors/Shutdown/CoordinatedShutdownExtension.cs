namespace LithairAkka.Actors;

/// <summary>The extension id of <see cref="CoordinatedShutdown"/>.</summary>
public sealed class CoordinatedShutdownExtension : ExtensionIdProvider<CoordinatedShutdown>
{
    /// <inheritdoc/>
    public override CoordinatedShutdown CreateExtension(ExtendedActorSystem system) => new(system);
}
