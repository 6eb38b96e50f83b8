using LithairAkka.Cluster;
using LithairAkka.Management.Bootstrap;
using LithairAkka.Node.Startup;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Cluster bootstrap for the node (<c>akka.management.cluster.bootstrap.enabled = on</c>): the contact points are
/// <c>akka.discovery.config.services.SERVICE.endpoints</c> when set, else this node's management endpoint and the
/// <c>--peers</c> list, each peer at its host and management port <c>8558 + its node id</c> (INTERFACE.md §2).
/// </summary>
internal static class NodeBootstrap
{
    // Management port of node 0 (INTERFACE.md §2); node i serves on 8558 + i.
    private const int ManagementBasePort = 8558;

    /// <summary>Starts bootstrap when enabled; <see langword="null"/> otherwise (the node joins its seed nodes).</summary>
    /// <param name="system">The node's actor system (cluster provider).</param>
    /// <param name="settings">The node's settings.</param>
    /// <param name="managementPort">The management server's bound port (this node's own contact point).</param>
    /// <param name="loggerFactory">Where bootstrap logs.</param>
    public static ClusterBootstrap? Start(ActorSystem system, NodeSettings settings, int managementPort, ILoggerFactory loggerFactory)
    {
        if (!settings.Bootstrap.Enabled)
        {
            return null;
        }

        var contactPoints = ContactPoints(settings, managementPort);
        var bootstrap = new ClusterBootstrap(
            settings.Bootstrap,
            LithairAkka.Cluster.Cluster.Get(system),
            () => contactPoints,
            loggerFactory.CreateLogger<ClusterBootstrap>(),
            system.TimeProvider);
        bootstrap.Start();
        return bootstrap;
    }

    /// <summary>The static contact points: the configured endpoints, else this node and its <c>--peers</c>.</summary>
    public static IReadOnlyList<ContactPoint> ContactPoints(NodeSettings settings, int managementPort)
    {
        if (settings.Bootstrap.ConfiguredContactPoints.Count > 0)
        {
            return settings.Bootstrap.ConfiguredContactPoints;
        }

        var self = new ContactPoint(settings.Management.Hostname, managementPort);
        return [self, .. settings.Peers.Select(p => new ContactPoint(p.Address.Host, ManagementBasePort + (int)p.Node.Value))];
    }

    /// <summary>The node's cluster membership: with bootstrap, observed only (bootstrap joins); else joined as configured.</summary>
    public static ReachabilityObserver Membership(ActorSystem system, NodeSettings settings) =>
        settings.Bootstrap.Enabled ? new ReachabilityObserver(system) : ClusterMembership.Start(system);
}
