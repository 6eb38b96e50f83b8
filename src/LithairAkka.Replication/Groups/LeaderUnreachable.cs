using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// The cluster failure detector marked <paramref name="Node"/> unreachable (the fast election path): if it is the
/// leader this <see cref="ReplicaGroup"/> follows, the group campaigns now (with a pre-vote round) instead of waiting
/// for its election timeout. Ignored otherwise. No answer.
/// </summary>
/// <param name="Node">The unreachable node.</param>
public sealed record LeaderUnreachable(NodeId Node);
