using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// A client write. Answered with <see cref="ProposeSucceeded"/> once committed and applied (quorum mode) or
/// <see cref="ProposeDurable"/> once the leader stored it (async mode); <see cref="NotLeader"/> on a non-leader;
/// <see cref="ProposeFailed"/> when the leader steps down first (outcome unknown).
/// </summary>
/// <param name="Command">The state machine command bytes.</param>
/// <param name="Request">The client request identity for exactly-once retries, or <see langword="null"/>.</param>
public sealed record Propose(ReadOnlyMemory<byte> Command, ClientRequest? Request = null);

/// <summary>This node does not lead the group; retry at <paramref name="LeaderHint"/> if known.</summary>
/// <param name="LeaderHint">The leader this node knows of, or <see langword="null"/>.</param>
public sealed record NotLeader(NodeId? LeaderHint);

/// <summary>A read-only query; answered with <see cref="QueryResult"/>, <see cref="NotLeader"/> or <see cref="ReadFailed"/>.</summary>
/// <param name="Query">The state machine query.</param>
/// <param name="Consistency">How fresh the answer must be.</param>
public sealed record Read(object Query, ReadConsistency Consistency = ReadConsistency.Linearizable);

/// <summary>A read could not be served (leadership changed while it waited); retry it.</summary>
/// <param name="Reason">Why.</param>
public sealed record ReadFailed(string Reason);

/// <summary>Replaces the group's peer addresses (node id to the peer's <c>ReplicaGroup</c> ref).</summary>
/// <param name="Peers">Every other member's ref; entries for this node are ignored.</param>
public sealed record UpdatePeers(IReadOnlyDictionary<NodeId, IActorRef> Peers);

/// <summary>Asks for the consensus status; answered with a <see cref="RaftStatus"/>.</summary>
public sealed record GetGroupStatus
{
    /// <summary>The single instance.</summary>
    public static GetGroupStatus Instance { get; } = new();
}
