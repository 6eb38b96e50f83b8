using LithairAkka.Remote;

namespace LithairAkka.Cluster;

/// <summary>
/// The provider of <c>akka.actor.provider = cluster</c> (Akka's <c>ClusterActorRefProvider</c>): remoting, plus the
/// cluster. It binds <c>akka.cluster</c> into <see cref="ClusterSettings"/> (an invalid key fails the system's start),
/// registers <see cref="ClusterMessageSerializer"/>, replaces the remote watcher by <see cref="ClusterRemoteWatcher"/>
/// (members are watched through the cluster's failure detector and ended when removed) and starts the
/// <see cref="Cluster"/> extension, which joins the seed nodes. Thread-safe.
/// </summary>
public sealed class ClusterActorRefProvider : RemoteActorRefProvider
{
    /// <summary>Creates the provider and binds its settings; remoting and the cluster start in <see cref="Init"/>.</summary>
    /// <exception cref="Hocon.ConfigurationException">An <c>akka.remote</c> or <c>akka.cluster</c> setting is invalid; the message names the key.</exception>
    public ClusterActorRefProvider(string systemName, ActorSystemSettings settings, EventStream eventStream)
        : base(systemName, settings, eventStream)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ClusterSettings = ClusterSettings.FromConfig(settings.Config);
    }

    /// <summary>The cluster settings (<c>akka.cluster</c>).</summary>
    public ClusterSettings ClusterSettings { get; }

    /// <summary>Registers the cluster serializer, starts remoting, then the cluster extension.</summary>
    /// <exception cref="Remote.Transport.RemoteConfigurationException">The address cannot be bound.</exception>
    public override void Init(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var serialization = Actors.Serialization.Serialization.Get(system);
        var serializer = new ClusterMessageSerializer(system);
        serialization.AddSerializer(ClusterMessageSerializer.Name, serializer, [.. serializer.MessageTypes]);
        base.Init(system);
        Cluster.Get(system);
    }

    /// <inheritdoc/>
    protected override Props RemoteWatcherProps()
    {
        var settings = WatcherSettings;
        return Props.Create(() => new ClusterRemoteWatcher(this, settings));
    }
}
