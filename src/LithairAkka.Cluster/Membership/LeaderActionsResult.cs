using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>The outcome of one leader-actions tick. Immutable.</summary>
/// <param name="Gossip">The gossip after the tick; the input instance when nothing changed.</param>
/// <param name="Events">The events between the input gossip and <paramref name="Gossip"/>.</param>
/// <param name="State">The state for the next tick.</param>
/// <param name="IsLeader">True when this node was the leader.</param>
/// <param name="Convergence">True when the gossip had converged.</param>
/// <param name="ChangedMembers">Members whose status the leader changed (to WeaklyUp, Up or Exiting).</param>
/// <param name="RemovedNodes">Nodes the leader removed.</param>
/// <param name="HasChanged">True when the gossip changed and must be published and gossiped.</param>
public sealed record LeaderActionsResult(
    Gossip Gossip,
    ImmutableList<ClusterEvent.IClusterDomainEvent> Events,
    LeaderActionsState State,
    bool IsLeader,
    bool Convergence,
    ImmutableList<Member> ChangedMembers,
    ImmutableHashSet<UniqueAddress> RemovedNodes,
    bool HasChanged)
{
    /// <summary>The members moved to Exiting: Akka gossips them at once to the two oldest nodes (per role).</summary>
    public ImmutableList<Member> ExitingMembers => ChangedMembers.RemoveAll(m => m.Status != MemberStatus.Exiting);
}
