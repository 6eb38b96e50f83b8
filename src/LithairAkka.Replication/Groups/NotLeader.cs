using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>This node does not lead the group; retry at <paramref name="LeaderHint"/> if known.</summary>
/// <param name="LeaderHint">The leader this node knows of, or <see langword="null"/>.</param>
public sealed record NotLeader(NodeId? LeaderHint);
