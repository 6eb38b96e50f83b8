using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// What the split-brain resolver knows on one node: every member (including Joining and WeaklyUp), the members it
/// considers unreachable (excluding itself; Down members count as unreachable, as in Akka), the unreachable and
/// terminated records of the reachability table, and the nodes that have seen the current gossip. Immutable and
/// thread-safe; built with <see cref="FromGossip"/> or updated event by event.
/// </summary>
public sealed partial class SplitBrainView
{
    private SplitBrainView(ImmutableSortedSet<Member> allMembers, ImmutableHashSet<UniqueAddress> unreachable, Reachability reachability,
        ImmutableHashSet<Address> seenBy)
    {
        AllMembers = allMembers;
        Unreachable = unreachable;
        Reachability = reachability;
        SeenBy = seenBy;
    }

    /// <summary>Nothing known.</summary>
    public static SplitBrainView Empty { get; } = new(ImmutableSortedSet.Create(Member.Ordering), [], Reachability.Empty, []);

    /// <summary>Every member, by address.</summary>
    public ImmutableSortedSet<Member> AllMembers { get; }

    /// <summary>The nodes considered unreachable (may include Joining, WeaklyUp and Down members).</summary>
    public ImmutableHashSet<UniqueAddress> Unreachable { get; }

    /// <summary>The unreachable and terminated records of the reachability table.</summary>
    public Reachability Reachability { get; }

    /// <summary>The addresses of the nodes that have seen the current gossip.</summary>
    public ImmutableHashSet<Address> SeenBy { get; }

    /// <summary>
    /// The view <paramref name="self"/> has of <paramref name="gossip"/>: the same a resolver fed with every event
    /// since the start would hold.
    /// </summary>
    /// <param name="gossip">The latest gossip.</param>
    /// <param name="self">The node.</param>
    /// <returns>The view.</returns>
    public static SplitBrainView FromGossip(Gossip gossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentNullException.ThrowIfNull(self);
        var unreachable = gossip.Overview.Reachability.AllUnreachableOrTerminated
            .Union(gossip.Members.Where(m => m.Status == MemberStatus.Down).Select(m => m.UniqueAddress))
            .Remove(self)
            .Where(gossip.HasMember)
            .ToImmutableHashSet();
        return new SplitBrainView(gossip.Members, unreachable, OnlyUnreachable(gossip.Overview.Reachability),
            [.. gossip.SeenBy.Select(s => s.Address)]);
    }

    /// <summary>True when <paramref name="member"/> is considered unreachable.</summary>
    /// <param name="member">The member.</param>
    public bool IsUnreachable(Member member) => Unreachable.Contains(member.UniqueAddress);

    /// <summary>
    /// True when no Up or Leaving member is unreachable: every unreachable node is Down, Exiting, Joining or WeaklyUp.
    /// </summary>
    public bool IsAllUnreachableDownOrExiting =>
        Unreachable.IsEmpty || !AllMembers.Any(m => m.Status is MemberStatus.Up or MemberStatus.Leaving && IsUnreachable(m));

    /// <summary>This view with <paramref name="member"/> added or updated; its reachability is unchanged.</summary>
    /// <param name="member">The member.</param>
    public SplitBrainView Add(Member member) => With(AllMembers.Remove(member).Add(member), Unreachable);

    /// <summary>This view with <paramref name="member"/> added or updated, and unreachable.</summary>
    /// <param name="member">The member.</param>
    public SplitBrainView AddUnreachable(Member member) => With(AllMembers.Remove(member).Add(member), Unreachable.Add(member.UniqueAddress));

    /// <summary>This view with <paramref name="member"/> added or updated, and reachable.</summary>
    /// <param name="member">The member.</param>
    public SplitBrainView AddReachable(Member member) => With(AllMembers.Remove(member).Add(member), Unreachable.Remove(member.UniqueAddress));

    /// <summary>This view without <paramref name="member"/>.</summary>
    /// <param name="member">The removed member.</param>
    public SplitBrainView Remove(Member member) => With(AllMembers.Remove(member), Unreachable.Remove(member.UniqueAddress));

    /// <summary>This view with a new reachability table (only its unreachable and terminated records are kept).</summary>
    /// <param name="reachability">The table.</param>
    public SplitBrainView WithReachability(Reachability reachability) =>
        new(AllMembers, Unreachable, OnlyUnreachable(reachability ?? throw new ArgumentNullException(nameof(reachability))), SeenBy);

    /// <summary>This view with a new seen set.</summary>
    /// <param name="seenBy">The addresses of the nodes that have seen the current gossip.</param>
    public SplitBrainView WithSeenBy(ImmutableHashSet<Address> seenBy) =>
        new(AllMembers, Unreachable, Reachability, seenBy ?? throw new ArgumentNullException(nameof(seenBy)));

    private SplitBrainView With(ImmutableSortedSet<Member> members, ImmutableHashSet<UniqueAddress> unreachable) =>
        new(members, unreachable, Reachability, SeenBy);

    private static Reachability OnlyUnreachable(Reachability reachability) =>
        reachability.FilterRecords(r => r.Status is ReachabilityStatus.Unreachable or ReachabilityStatus.Terminated);
}
