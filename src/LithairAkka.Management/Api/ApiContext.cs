using LithairAkka.Cluster;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Metrics;
using LithairAkka.Management.Settings;
using LithairAkka.Remote.Transport.FaultInjection;

namespace LithairAkka.Management.Api;

/// <summary>What the route handlers share. Immutable; thread-safe.</summary>
internal sealed record ApiContext(
    GroupClient Client,
    HttpSettings Http,
    ManagementSettings Management,
    NodeMetrics Metrics,
    PrometheusExporter Exporter,
    Func<FaultInjector?> Faults,
    Func<CancellationToken, Task<string?>> ReadinessCheck,
    TimeProvider Time)
{
    /// <summary>The node's cluster membership, or <see langword="null"/> when the node runs without the cluster.</summary>
    public ReachabilityObserver? Membership { get; init; }
}
