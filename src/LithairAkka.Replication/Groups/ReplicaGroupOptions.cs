using LithairAkka.Actors;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Groups;

/// <summary>What one <see cref="ReplicaGroup"/> needs: identity, members, storage, state machine and settings. Immutable.</summary>
/// <param name="Self">This node's id.</param>
/// <param name="Group">The replication group.</param>
/// <param name="Members">The founding voters (the same on every founder).</param>
/// <param name="LogStore">The node's log store (shared by its groups).</param>
/// <param name="SnapshotStore">The node's snapshot store.</param>
/// <param name="StateMachine">Props of the <c>StateMachineActor</c> created as a child.</param>
/// <param name="Settings">The <c>lithair.replication</c> settings.</param>
public sealed record ReplicaGroupOptions(
    NodeId Self,
    GroupId Group,
    Configuration Members,
    ILogStore LogStore,
    ISnapshotStore SnapshotStore,
    Props StateMachine,
    ReplicationSettings Settings)
{
    /// <summary>The other members' <c>ReplicaGroup</c> refs (may be completed later with <see cref="UpdatePeers"/>).</summary>
    public IReadOnlyDictionary<NodeId, IActorRef> Peers { get; init; } = new Dictionary<NodeId, IActorRef>();

    /// <summary>The clock for latency figures; the system's by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// With <c>election = static</c>, whether this node is the designated leader (it campaigns; the others never do).
    /// Ignored with <c>election = auto</c>. Default <see langword="false"/>.
    /// </summary>
    public bool StaticLeader { get; init; }

    /// <summary>Seed of the core's election randomness; <see langword="null"/> for a random seed.</summary>
    public int? RandomSeed { get; init; }
}
