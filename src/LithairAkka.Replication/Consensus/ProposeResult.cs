namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The answer to a proposal. When <see cref="Status"/> is <see cref="RaftRequestStatus.Accepted"/>, the entry was
/// appended at (<see cref="Index"/>, <see cref="Term"/>): the proposal succeeded if and when the host applies a
/// committed entry with that index AND that term; a different term at that index means it was lost (a new leader
/// overwrote it) and the client gets no success.
/// </summary>
/// <param name="Status">Accepted, or why not.</param>
/// <param name="Index">The entry's index, when accepted.</param>
/// <param name="Term">The entry's term, when accepted.</param>
/// <param name="Leader">The known leader, to redirect the client when this node is not it.</param>
public readonly record struct ProposeResult(RaftRequestStatus Status, long Index, long Term, NodeId? Leader)
{
    /// <summary>Whether the entry was appended.</summary>
    public bool IsAccepted => Status == RaftRequestStatus.Accepted;
}
