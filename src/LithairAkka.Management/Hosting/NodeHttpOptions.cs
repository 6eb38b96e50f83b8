using LithairAkka.Cluster;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Metrics;
using LithairAkka.Management.Settings;
using LithairAkka.Remote.Transport.FaultInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Management.Hosting;

/// <summary>What the node's HTTP servers need. Immutable.</summary>
/// <param name="Directory">The replication group and its peers.</param>
/// <param name="Http">The data API settings (<c>lithair.http</c>).</param>
/// <param name="Management">The management server settings (<c>akka.management.http</c>, <c>lithair.testing</c>).</param>
public sealed record NodeHttpOptions(GroupDirectory Directory, HttpSettings Http, ManagementSettings Management)
{
    /// <summary>The fault injector of the remoting transport, or <see langword="null"/> without remoting.</summary>
    public Func<FaultInjector?> Faults { get; init; } = static () => null;

    /// <summary>Where the servers log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock of deadlines and latencies.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// A further condition of <c>/ready</c> beyond a known leader (such as "this member is Up" once the node joins a
    /// cluster): answers <see langword="null"/> when ready, else the reason shown. Ready by default.
    /// </summary>
    public Func<CancellationToken, Task<string?>> ReadinessCheck { get; init; } = static _ => Task.FromResult<string?>(null);

    /// <summary>The node's instruments; the servers create their own when <see langword="null"/>.</summary>
    public NodeMetrics? Metrics { get; init; }

    /// <summary>
    /// The node's cluster membership (with <c>akka.actor.provider = cluster</c>): serves the <c>/cluster/*</c> and
    /// <c>/bootstrap/seed-nodes</c> routes, and <c>/ready</c> then also requires this member to be Up. Without it
    /// (<see langword="null"/>) those routes do not exist.
    /// </summary>
    public ReachabilityObserver? Membership { get; init; }

    /// <summary>
    /// Whether the group runs the built-in key-value store (<see langword="true"/>, the default): only then does
    /// <c>/kv</c> serve data; otherwise its routes answer 501 <c>state-machine-not-kv</c>. <c>POST /commands</c> and
    /// <c>POST /queries</c> serve every state machine.
    /// </summary>
    public bool ServesKeyValue { get; init; } = true;
}
