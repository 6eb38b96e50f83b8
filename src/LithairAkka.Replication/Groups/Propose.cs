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
