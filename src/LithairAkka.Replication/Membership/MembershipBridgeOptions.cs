using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Membership;

/// <summary>Configuration of a <see cref="ReplicaMembershipBridge"/>.</summary>
/// <param name="Self">This node's id.</param>
/// <param name="LocalGroup">The replica group of this node that the bridge drives.</param>
/// <param name="GroupPath">The path of the group actor on every node, e.g. <c>/user/replica-g1</c>; a member's peer ref is its address plus this path.</param>
public sealed record MembershipBridgeOptions(NodeId Self, IActorRef LocalGroup, string GroupPath)
{
    /// <summary>The cluster role a member needs to be a replica of the group (default <c>replica</c>).</summary>
    public string ReplicaRole { get; init; } = "replica";

    /// <summary>How often the bridge compares membership with the group's configuration (default 500 ms).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A learner is promoted once its match index is within this many entries of the leader's last index (default 0: fully caught up).</summary>
    public long PromoteLag { get; init; }

    /// <summary>
    /// Resolves a member's address to its group's ref; <see langword="null"/> (the default) resolves
    /// <c>address + GroupPath</c> through the actor system's provider (a remote ref).
    /// </summary>
    public Func<Address, IActorRef>? ResolvePeer { get; init; }

    /// <summary>The clock (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
