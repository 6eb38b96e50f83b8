using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// What the leader carries from one leader-actions tick to the next: how many ticks it has led without convergence
/// (for WeaklyUp) and which Exiting nodes confirmed their exit. Immutable.
/// </summary>
/// <param name="TicksWithoutConvergence">Consecutive ticks as leader without convergence.</param>
/// <param name="ExitingConfirmed">Exiting nodes that confirmed they are shutting down (Akka's <c>ExitingConfirmed</c>).</param>
public sealed record LeaderActionsState(int TicksWithoutConvergence, ImmutableHashSet<UniqueAddress> ExitingConfirmed)
{
    /// <summary>The state before the first tick.</summary>
    public static LeaderActionsState Initial { get; } = new(0, []);

    /// <summary>This state with <paramref name="node"/>'s exit confirmed.</summary>
    /// <param name="node">The exiting node that confirmed.</param>
    public LeaderActionsState ConfirmExiting(UniqueAddress node) => this with { ExitingConfirmed = ExitingConfirmed.Add(node) };
}
