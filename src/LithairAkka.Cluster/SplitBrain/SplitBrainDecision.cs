using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// A decision the split-brain resolver took and the nodes to down for it, this node last (it may shut down as soon as
/// it is downed). Immutable.
/// </summary>
/// <param name="Decision">The strategy's decision.</param>
/// <param name="NodesToDown">The nodes to down, this node last when included.</param>
/// <param name="DownsSelf">True when this node is among them.</param>
/// <param name="DueToInstability">True when taken because reachability did not stabilise (down-all-when-unstable).</param>
public sealed record SplitBrainDecision(DowningDecision Decision, ImmutableList<UniqueAddress> NodesToDown, bool DownsSelf, bool DueToInstability);
