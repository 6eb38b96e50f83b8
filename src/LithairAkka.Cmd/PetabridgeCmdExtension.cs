using LithairAkka.Actors;

namespace LithairAkka.Cmd;

/// <summary>The extension id of <see cref="PetabridgeCmd"/>; use <see cref="PetabridgeCmd.Get"/>.</summary>
public sealed class PetabridgeCmdExtension : ExtensionIdProvider<PetabridgeCmd>
{
    /// <inheritdoc />
    public override PetabridgeCmd CreateExtension(ExtendedActorSystem system) => new(system);
}
