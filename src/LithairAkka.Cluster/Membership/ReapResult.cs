using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>The outcome of one unreachable-nodes reaper tick. Immutable.</summary>
/// <param name="Gossip">The new gossip; the input instance when nothing changed.</param>
/// <param name="NewlyUnreachable">Members this node now sees as unreachable.</param>
/// <param name="NewlyReachable">Members this node sees as reachable again.</param>
public sealed record ReapResult(Gossip Gossip, ImmutableList<Member> NewlyUnreachable, ImmutableList<Member> NewlyReachable)
{
    /// <summary>True when this node's observations changed.</summary>
    public bool HasChanged => !NewlyUnreachable.IsEmpty || !NewlyReachable.IsEmpty;
}
