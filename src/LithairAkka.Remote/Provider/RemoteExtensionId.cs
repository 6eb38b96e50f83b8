using LithairAkka.Hocon;

namespace LithairAkka.Remote;

/// <summary>The extension id of <see cref="RemoteExtension"/>; use <see cref="RemoteExtension.Get"/>.</summary>
public sealed class RemoteExtensionId : ExtensionIdProvider<RemoteExtension>
{
    /// <inheritdoc/>
    /// <exception cref="ConfigurationException">The system's provider is not a <see cref="RemoteActorRefProvider"/>.</exception>
    public override RemoteExtension CreateExtension(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Provider is RemoteActorRefProvider provider
            ? new RemoteExtension(provider)
            : throw new ConfigurationException(
                $"akka.actor.provider: remoting needs provider = remote (or cluster); this system runs with '{system.Settings.ProviderName}'.",
                "akka.actor.provider", null, 0, 0);
    }
}
