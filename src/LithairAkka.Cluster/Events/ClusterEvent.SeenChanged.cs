using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.SeenChanged"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>
    /// The set of nodes that have seen the current gossip, or convergence, changed. Used by the split-brain resolver
    /// to spot indirectly connected nodes.
    /// </summary>
    /// <param name="Convergence">Whether the gossip has converged (without confirmed exits).</param>
    /// <param name="SeenBy">The addresses of the nodes that have seen the current gossip.</param>
    public sealed record SeenChanged(bool Convergence, ImmutableHashSet<Address> SeenBy) : IClusterDomainEvent
    {
        /// <summary>True when both events have the same convergence and the same seen set.</summary>
        /// <param name="other">The other event.</param>
        public bool Equals(SeenChanged? other) =>
            other is not null && Convergence == other.Convergence && SeenBy.SetEquals(other.SeenBy);

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(Convergence, SeenBy.Count);
    }
}
