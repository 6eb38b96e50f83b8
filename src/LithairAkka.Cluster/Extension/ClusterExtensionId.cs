using LithairAkka.Hocon;

namespace LithairAkka.Cluster;

/// <summary>The extension id of <see cref="Cluster"/>; use <see cref="Cluster.Get"/>.</summary>
public sealed class ClusterExtensionId : ExtensionIdProvider<Cluster>
{
    /// <inheritdoc/>
    /// <exception cref="ConfigurationException">The system's provider is not a <see cref="ClusterActorRefProvider"/>.</exception>
    public override Cluster CreateExtension(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Provider is ClusterActorRefProvider provider
            ? new Cluster(system, provider)
            : throw new ConfigurationException(
                $"akka.actor.provider: the cluster needs provider = cluster; this system runs with '{system.Settings.ProviderName}'.",
                "akka.actor.provider", null, 0, 0);
    }
}
