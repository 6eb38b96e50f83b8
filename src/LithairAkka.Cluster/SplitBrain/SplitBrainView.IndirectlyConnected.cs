using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>Detection of indirectly connected nodes.</summary>
public sealed partial class SplitBrainView
{
    /// <summary>
    /// Nodes that are marked unreachable yet still communicate through third parties: nodes that both observe some
    /// node as unreachable and are observed as unreachable (a cycle in the unreachability graph), and both ends of
    /// every record whose subject has seen the current gossip. Clean partitions and crashed nodes never produce them.
    /// </summary>
    public ImmutableHashSet<UniqueAddress> IndirectlyConnected =>
        IndirectlyConnectedFromIntersectionOfObserversAndSubjects.Union(IndirectlyConnectedFromSeenCurrentGossip);

    /// <summary>True when some node is indirectly connected.</summary>
    public bool HasIndirectlyConnected => !IndirectlyConnected.IsEmpty;

    /// <summary>The unreachable nodes that are not indirectly connected.</summary>
    public ImmutableHashSet<UniqueAddress> UnreachableButNotIndirectlyConnected => Unreachable.Except(IndirectlyConnected);

    private ImmutableHashSet<UniqueAddress> IndirectlyConnectedFromIntersectionOfObserversAndSubjects =>
        Reachability.AllObservers.Intersect(Reachability.AllUnreachableOrTerminated);

    private ImmutableHashSet<UniqueAddress> IndirectlyConnectedFromSeenCurrentGossip =>
        Reachability.Records.Where(r => SeenBy.Contains(r.Subject.Address)).SelectMany(r => new[] { r.Observer, r.Subject }).ToImmutableHashSet();

    /// <summary>
    /// This view without the observations among the indirectly connected nodes, and with the unreachable set derived
    /// from the remaining records: what is left to decide once the indirectly connected nodes are downed.
    /// </summary>
    internal SplitBrainView WithoutIndirectlyConnectedObservations()
    {
        var cycle = IndirectlyConnectedFromIntersectionOfObserversAndSubjects;
        var seen = IndirectlyConnectedFromSeenCurrentGossip;
        var filtered = Reachability.FilterRecords(r =>
            !((cycle.Contains(r.Observer) && cycle.Contains(r.Subject)) || (seen.Contains(r.Observer) && seen.Contains(r.Subject))));
        return new SplitBrainView(AllMembers, filtered.AllUnreachableOrTerminated, filtered, SeenBy);
    }
}
