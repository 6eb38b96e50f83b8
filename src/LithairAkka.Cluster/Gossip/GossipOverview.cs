using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The part of the gossip that is not membership: which nodes have seen this gossip version and the reachability
/// table. Immutable.
/// </summary>
/// <param name="Seen">Nodes that have seen (merged) the current gossip version.</param>
/// <param name="Reachability">Who sees whom as unreachable.</param>
public sealed record GossipOverview(ImmutableHashSet<UniqueAddress> Seen, Reachability Reachability)
{
    /// <summary>Seen by nobody, everyone reachable.</summary>
    public static GossipOverview Empty { get; } = new([], Reachability.Empty);

    /// <summary>Formats the seen set and the table.</summary>
    public override string ToString() => $"GossipOverview(seen=[{string.Join(", ", Seen)}], {Reachability})";
}
