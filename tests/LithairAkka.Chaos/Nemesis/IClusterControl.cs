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
