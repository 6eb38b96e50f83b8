using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// The cluster state every node gossips, as Akka's <c>Gossip</c>: the members (one per node, sorted by address), the
/// overview (seen set and reachability), a vector clock version and tombstones of removed nodes. Immutable and
/// thread-safe; every operation returns a new gossip. The constructor checks Akka's invariants: no member is
/// Removed, and every observer in the reachability table and every node in the seen set is a member.
/// </summary>
public sealed partial class Gossip
{
    private readonly ImmutableDictionary<UniqueAddress, Member> _membersByAddress;
    private readonly Lazy<Reachability> _reachabilityExcludingDownedObservers;

    /// <summary>Creates a gossip.</summary>
    /// <param name="members">The members; sorted by <see cref="Member.Ordering"/> whatever the given comparer.</param>
    /// <param name="overview">Seen set and reachability.</param>
    /// <param name="version">The vector clock.</param>
    /// <param name="tombstones">Removed nodes and when they were removed (milliseconds since the Unix epoch).</param>
    /// <exception cref="ArgumentException">An invariant does not hold.</exception>
    public Gossip(IEnumerable<Member> members, GossipOverview? overview = null, VectorClock? version = null,
        ImmutableDictionary<UniqueAddress, long>? tombstones = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members is ImmutableSortedSet<Member> sorted && ReferenceEquals(sorted.KeyComparer, Member.Ordering)
            ? sorted
            : members.ToImmutableSortedSet(Member.Ordering);
        Overview = overview ?? GossipOverview.Empty;
        Version = version ?? VectorClock.Empty;
        Tombstones = tombstones ?? ImmutableDictionary<UniqueAddress, long>.Empty;
        _membersByAddress = Members.ToImmutableDictionary(m => m.UniqueAddress);
        _reachabilityExcludingDownedObservers = new Lazy<Reachability>(() => Overview.Reachability.RemoveObservers(
            Members.Where(m => m.Status == MemberStatus.Down).Select(m => m.UniqueAddress).ToHashSet()));
        AssertInvariants();
    }

    /// <summary>The gossip with no members.</summary>
    public static Gossip Empty { get; } = new(ImmutableSortedSet.Create(Member.Ordering));

    /// <summary>The members, one per node, sorted by address.</summary>
    public ImmutableSortedSet<Member> Members { get; }

    /// <summary>Seen set and reachability.</summary>
    public GossipOverview Overview { get; }

    /// <summary>The version of this state.</summary>
    public VectorClock Version { get; }

    /// <summary>Nodes removed by a leader, with the removal time (milliseconds since the Unix epoch).</summary>
    public ImmutableDictionary<UniqueAddress, long> Tombstones { get; }

    /// <summary>The nodes that have seen this version.</summary>
    public ImmutableHashSet<UniqueAddress> SeenBy => Overview.Seen;

    /// <summary>The reachability table without the observations of Down members.</summary>
    public Reachability ReachabilityExcludingDownedObservers => _reachabilityExcludingDownedObservers.Value;

    /// <summary>The name of <paramref name="node"/> in vector clocks: <c>address-uid</c>, as in Akka.</summary>
    /// <param name="node">The node.</param>
    public static string VectorClockName(UniqueAddress node) => $"{node.Address}-{node.Uid}";

    /// <summary>This gossip with a new overview, members, version or tombstones.</summary>
    /// <param name="members">New members, or <see langword="null"/> to keep them.</param>
    /// <param name="overview">New overview, or <see langword="null"/> to keep it.</param>
    /// <param name="version">New version, or <see langword="null"/> to keep it.</param>
    /// <param name="tombstones">New tombstones, or <see langword="null"/> to keep them.</param>
    /// <returns>The new gossip.</returns>
    public Gossip Copy(IEnumerable<Member>? members = null, GossipOverview? overview = null, VectorClock? version = null,
        ImmutableDictionary<UniqueAddress, long>? tombstones = null) =>
        new(members ?? Members, overview ?? Overview, version ?? Version, tombstones ?? Tombstones);

    /// <summary>This gossip with <paramref name="node"/>'s clock entry incremented (a change made by that node).</summary>
    /// <param name="node">The node making the change.</param>
    public Gossip Increment(UniqueAddress node) => Copy(version: Version.Increment(VectorClockName(node)));

    /// <summary>This gossip with <paramref name="member"/> added, unless its node is already a member.</summary>
    /// <param name="member">The new member (usually Joining).</param>
    public Gossip AddMember(Member member) => Members.Contains(member) ? this : Copy(members: Members.Add(member));

    /// <summary>
    /// This gossip with <paramref name="changedMembers"/> replacing the members of the same nodes (and added when new).
    /// </summary>
    /// <param name="changedMembers">The updated members.</param>
    public Gossip Update(IEnumerable<Member> changedMembers)
    {
        var builder = Members.ToBuilder();
        foreach (var member in changedMembers)
        {
            builder.Remove(member);
            builder.Add(member);
        }

        return Copy(members: builder.ToImmutable());
    }

    /// <summary>This gossip marked as seen by <paramref name="node"/> too.</summary>
    /// <param name="node">A member.</param>
    public Gossip Seen(UniqueAddress node) => SeenByNode(node) ? this : Copy(overview: Overview with { Seen = Overview.Seen.Add(node) });

    /// <summary>This gossip marked as seen by <paramref name="node"/> only.</summary>
    /// <param name="node">A member.</param>
    public Gossip OnlySeen(UniqueAddress node) => Copy(overview: Overview with { Seen = [node] });

    /// <summary>This gossip seen by nobody.</summary>
    public Gossip ClearSeen() => Overview.Seen.IsEmpty ? this : Copy(overview: Overview with { Seen = [] });

    /// <summary>True when <paramref name="node"/> has seen this version.</summary>
    /// <param name="node">The node.</param>
    public bool SeenByNode(UniqueAddress node) => Overview.Seen.Contains(node);

    /// <summary>This gossip with the seen sets of both gossips (for two gossips of the same version).</summary>
    /// <param name="that">The other gossip.</param>
    public Gossip MergeSeen(Gossip that) => Copy(overview: Overview with { Seen = Overview.Seen.Union(that.Overview.Seen) });

    /// <summary>
    /// Merges two diverged gossips, as Akka: union of tombstones; vector clocks merged and pruned of tombstoned nodes;
    /// per node the member with the most advanced status (<see cref="Member.PickHighestPriority"/>); reachability
    /// merged by observer version over the merged members; seen by nobody.
    /// </summary>
    /// <param name="that">The other gossip.</param>
    /// <returns>The merged gossip.</returns>
    public Gossip Merge(Gossip that)
    {
        ArgumentNullException.ThrowIfNull(that);
        var tombstones = Tombstones;
        foreach (var (node, removedAt) in that.Tombstones)
        {
            if (!tombstones.TryGetValue(node, out var mine) || removedAt > mine)
            {
                tombstones = tombstones.SetItem(node, removedAt);
            }
        }

        var version = Version.Merge(that.Version);
        foreach (var node in tombstones.Keys)
        {
            version = version.Prune(VectorClockName(node));
        }

        var members = Member.PickHighestPriority(Members, that.Members, tombstones);
        var reachability = Overview.Reachability.Merge(members.Select(m => m.UniqueAddress).ToHashSet(), that.Overview.Reachability);
        return new Gossip(members, new GossipOverview([], reachability), version, tombstones);
    }

    /// <summary>
    /// This gossip without <paramref name="node"/>: out of the members, seen set, reachability table and vector clock,
    /// with a tombstone so that a merge with an older gossip does not bring it back.
    /// </summary>
    /// <param name="node">The removed node.</param>
    /// <param name="removalTimestamp">When it was removed (milliseconds since the Unix epoch).</param>
    public Gossip Remove(UniqueAddress node, long removalTimestamp) => new(
        Members.Remove(Member.Removed(node)),
        new GossipOverview(Overview.Seen.Remove(node), Overview.Reachability.Remove([node])),
        Version.Prune(VectorClockName(node)),
        Tombstones.SetItem(node, removalTimestamp));

    /// <summary>This gossip without every node of <paramref name="nodes"/> (see <see cref="Remove"/>).</summary>
    /// <param name="nodes">The removed nodes.</param>
    /// <param name="removalTimestamp">When they were removed (milliseconds since the Unix epoch).</param>
    public Gossip RemoveAll(IEnumerable<UniqueAddress> nodes, long removalTimestamp) =>
        nodes.Aggregate(this, (gossip, node) => gossip.Remove(node, removalTimestamp));

    /// <summary>This gossip with <paramref name="member"/> marked Down and taken out of the seen set.</summary>
    /// <param name="member">A current member.</param>
    /// <exception cref="InvalidOperationException">The member cannot move to Down (it is Removed).</exception>
    public Gossip MarkAsDown(Member member) => new(
        Members.Remove(member).Add(member.Copy(MemberStatus.Down)),
        Overview with { Seen = Overview.Seen.Remove(member.UniqueAddress) },
        Version,
        Tombstones);

    /// <summary>This gossip with <paramref name="node"/>'s entry pruned from the vector clock.</summary>
    /// <param name="node">The node.</param>
    public Gossip Prune(UniqueAddress node)
    {
        var version = Version.Prune(VectorClockName(node));
        return ReferenceEquals(version, Version) ? this : Copy(version: version);
    }

    /// <summary>This gossip without the tombstones older than <paramref name="removeEarlierThan"/>.</summary>
    /// <param name="removeEarlierThan">Milliseconds since the Unix epoch; tombstones at or before it go.</param>
    public Gossip PruneTombstones(long removeEarlierThan)
    {
        var kept = Tombstones.RemoveRange(Tombstones.Where(t => t.Value <= removeEarlierThan).Select(t => t.Key));
        return kept.Count == Tombstones.Count ? this : Copy(tombstones: kept);
    }

    /// <summary>Lists members, overview, version and tombstones.</summary>
    public override string ToString() =>
        $"Gossip(members=[{string.Join(", ", Members)}], {Overview}, {Version}, tombstones=[{string.Join(", ", Tombstones.Keys)}])";

    private void AssertInvariants()
    {
        if (Members.FirstOrDefault(m => m.Status == MemberStatus.Removed) is { } removed)
        {
            throw new ArgumentException($"Live members must not have status Removed, got {removed}.", "members");
        }

        var map = _membersByAddress;
        if (Overview.Reachability.Versions.Keys.FirstOrDefault(o => !map.ContainsKey(o)) is { } observer)
        {
            throw new ArgumentException($"Nodes not part of the cluster in the reachability table, got {observer}.", "overview");
        }

        if (Overview.Seen.FirstOrDefault(s => !map.ContainsKey(s)) is { } seen)
        {
            throw new ArgumentException($"Nodes not part of the cluster have marked the gossip as seen, got {seen}.", "overview");
        }
    }
}
