namespace LithairAkka.Cluster;

/// <summary>
/// The default downing provider (<c>akka.cluster.downing-provider-class</c>): the split-brain resolver configured in
/// <c>akka.cluster.split-brain-resolver</c>, run by a <see cref="SplitBrainResolver"/> actor on every node. Thread-safe.
/// </summary>
public sealed class SplitBrainResolverProvider : IDowningProvider
{
    private readonly ClusterSettings _settings;

    /// <summary>Creates the provider of <paramref name="system"/>'s cluster.</summary>
    /// <exception cref="InvalidOperationException">The system does not run with <c>akka.actor.provider = cluster</c>.</exception>
    public SplitBrainResolverProvider(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _settings = ((system as ExtendedActorSystem)?.Provider as ClusterActorRefProvider)?.ClusterSettings
            ?? throw new InvalidOperationException("The split-brain resolver needs akka.actor.provider = cluster.");
    }

    /// <inheritdoc/>
    public TimeSpan DownRemovalMargin => _settings.DownRemovalMargin;

    /// <inheritdoc/>
    public Props? DowningActorProps
    {
        get
        {
            var settings = _settings.SplitBrainResolver;
            return Props.Create(() => new SplitBrainResolver(settings));
        }
    }
}
