namespace LithairAkka.Chaos.Nemesis;

/// <summary>The cluster operations the nemesis needs (the verbs of <c>ops/cluster.sh</c>, INTERFACE §1). Node ids are 0-based.</summary>
/// <remarks>Implementations must be safe to call from one task at a time; the nemesis never calls concurrently.</remarks>
public interface IClusterControl
{
    /// <summary>SIGKILL a node.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task KillAsync(int node, CancellationToken token);

    /// <summary>Restart a node with its data.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task StartAsync(int node, CancellationToken token);

    /// <summary>Why <see cref="StartSkewedAsync"/> cannot run here (e.g. libfaketime is not installed), or <see langword="null"/> when it can.</summary>
    string? ClockSkewUnavailable { get; }

    /// <summary>Start a node (which must be down) with its wall clock moved by <paramref name="offset"/>; its monotonic clock stays real.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="offset">How far its wall clock runs ahead (positive) or behind (negative).</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ClockSkewUnavailable"/> is not null, or the start failed.</exception>
    Task StartSkewedAsync(int node, TimeSpan offset, CancellationToken token);

    /// <summary>How far a node's wall clock is from this process's, as the node reports it (e.g. its HTTP <c>Date</c> header), or <see langword="null"/> when it does not answer.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>The node's clock minus ours, to about a second.</returns>
    Task<TimeSpan?> MeasureClockOffsetAsync(int node, CancellationToken token);

    /// <summary>Whether a node answers its readiness probe (<c>GET /ready</c> on its management port: Up with a known leader).</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns><see langword="false"/> when it is down, paused, still starting, or not ready.</returns>
    Task<bool> IsReadyAsync(int node, CancellationToken token);

    /// <summary>SIGSTOP a node.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task PauseAsync(int node, CancellationToken token);

    /// <summary>SIGCONT a node.</summary>
    /// <param name="node">The node id.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task ResumeAsync(int node, CancellationToken token);

    /// <summary>Every node of one side blackholes every node of the other, both directions.</summary>
    /// <param name="sideA">One side.</param>
    /// <param name="sideB">The other side.</param>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task PartitionAsync(IReadOnlyList<int> sideA, IReadOnlyList<int> sideB, CancellationToken token);

    /// <summary>Remove every fault-injection rule on every node.</summary>
    /// <param name="token">Cancels the call.</param>
    /// <returns>Completes once the command has run.</returns>
    Task HealAsync(CancellationToken token);

    /// <summary>The current leader's node id, or <see langword="null"/> when none is known.</summary>
    /// <param name="token">Cancels the call.</param>
    /// <returns>The leader.</returns>
    Task<int?> FindLeaderAsync(CancellationToken token);
}
