namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A linearizable read that may now be served: the read index was confirmed by a quorum heartbeat round of the leader of
/// its term, and this node's state machine has reached it once the committed entries of the Ready that carries it are
/// applied.
/// </summary>
/// <param name="RequestId">The id the host passed to <see cref="RaftCore.ReadIndex"/>.</param>
/// <param name="Index">The read index: every write acknowledged before the read was issued is at or below it.</param>
public readonly record struct ReadState(long RequestId, long Index);
