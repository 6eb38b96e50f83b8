using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.CurrentClusterState"/> snapshot.</summary>
public static partial class ClusterEvent
{
    /// <summary>
    /// A snapshot of the cluster as one node sees it, sent to subscribers with
    /// <see cref="InitialStateAsSnapshot"/> and on request. Immutable.
    /// </summary>
    /// <param name="Members">The members, sorted by address.</param>
    /// <param name="Unreachable">Members some node sees as unreachable (never the observing node itself).</param>
    /// <param name="SeenBy">Addresses of the nodes that have seen the current gossip.</param>
    /// <param name="Leader">The leader, if any.</param>
    /// <param name="RoleLeaderMap">For every role, its leader, if any.</param>
    public sealed record CurrentClusterState(
        ImmutableSortedSet<Member> Members,
        ImmutableHashSet<Member> Unreachable,
        ImmutableHashSet<Address> SeenBy,
        Address? Leader,
        ImmutableDictionary<string, Address?> RoleLeaderMap)
    {
        /// <summary>The state of a node that is not part of a cluster.</summary>
        public static CurrentClusterState Empty { get; } = new(
            ImmutableSortedSet.Create(Member.Ordering), [], [], null, ImmutableDictionary<string, Address?>.Empty);

        /// <summary>Every role that has a leader entry.</summary>
        public ImmutableHashSet<string> AllRoles => [.. RoleLeaderMap.Keys];

        /// <summary>The leader of <paramref name="role"/>, or <see langword="null"/>.</summary>
        /// <param name="role">The role.</param>
        public Address? RoleLeader(string role) => RoleLeaderMap.GetValueOrDefault(role);
    }
}
