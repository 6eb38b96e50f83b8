using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The messages the cluster daemons of different nodes exchange (Akka's <c>InternalClusterAction</c> and
/// <c>GossipEnvelope</c>/<c>GossipStatus</c>). All cross the wire through <see cref="ClusterMessageSerializer"/>.
/// Immutable.
/// </summary>
internal static class InternalClusterAction
{
    /// <summary>Asks a seed node whether it is a member that can take a join (answered with <see cref="InitJoinAck"/> or <see cref="InitJoinNack"/>).</summary>
    public sealed record InitJoin : IDeadLetterSuppression
    {
        private InitJoin()
        {
        }

        /// <summary>The single instance.</summary>
        public static InitJoin Instance { get; } = new();
    }

    /// <summary>The seed node at <paramref name="Address"/> is a member and takes joins.</summary>
    public sealed record InitJoinAck(Address Address) : IDeadLetterSuppression;

    /// <summary>The seed node at <paramref name="Address"/> is not (yet) a member.</summary>
    public sealed record InitJoinNack(Address Address) : IDeadLetterSuppression;

    /// <summary><paramref name="Node"/> asks to join with its roles and application version; answered with <see cref="Welcome"/>.</summary>
    public sealed record Join(UniqueAddress Node, ImmutableHashSet<string> Roles, AppVersion AppVersion);

    /// <summary>The join of the receiver was accepted by <paramref name="From"/>, whose gossip now holds it.</summary>
    public sealed record Welcome(UniqueAddress From, Gossip Gossip);

    /// <summary>The Exiting <paramref name="Node"/> confirms it is shutting down, so the leader may remove it at once.</summary>
    public sealed record ExitingConfirmed(UniqueAddress Node);

    /// <summary>The full gossip of <paramref name="From"/>, meant for the incarnation <paramref name="To"/>.</summary>
    public sealed record GossipEnvelope(UniqueAddress From, UniqueAddress To, Gossip Gossip);

    /// <summary>
    /// The version of <paramref name="From"/>'s gossip, sent instead of the gossip to a node that has seen it; the
    /// side with the newer version answers with its gossip.
    /// </summary>
    public sealed record GossipStatus(UniqueAddress From, VectorClock Version);

    /// <summary>Marks the member at <paramref name="Address"/> as Leaving (Akka's <c>ClusterUserAction.Leave</c>).</summary>
    public sealed record Leave(Address Address);

    /// <summary>Marks the member at <paramref name="Address"/> as Down (Akka's <c>ClusterUserAction.Down</c>).</summary>
    public sealed record Down(Address Address);
}
