using System.Collections.Frozen;
using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>Status transitions and the merge rule for two views of the same member.</summary>
public sealed partial class Member
{
    /// <summary>
    /// The status moves Akka allows (<c>Member.allowedTransitions</c>): Joining → WeaklyUp, Up, Leaving, Down, Removed;
    /// WeaklyUp → Up, Leaving, Down, Removed; Up → Leaving, Down, Removed; Leaving → Exiting, Down, Removed;
    /// Exiting → Removed, Down; Down → Removed; Removed → nothing.
    /// </summary>
    public static FrozenDictionary<MemberStatus, ImmutableHashSet<MemberStatus>> AllowedTransitions { get; } =
        new Dictionary<MemberStatus, ImmutableHashSet<MemberStatus>>
        {
            [MemberStatus.Joining] = [MemberStatus.WeaklyUp, MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Down, MemberStatus.Removed],
            [MemberStatus.WeaklyUp] = [MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Down, MemberStatus.Removed],
            [MemberStatus.Up] = [MemberStatus.Leaving, MemberStatus.Down, MemberStatus.Removed],
            [MemberStatus.Leaving] = [MemberStatus.Exiting, MemberStatus.Down, MemberStatus.Removed],
            [MemberStatus.Exiting] = [MemberStatus.Removed, MemberStatus.Down],
            [MemberStatus.Down] = [MemberStatus.Removed],
            [MemberStatus.Removed] = [],
        }.ToFrozenDictionary();

    /// <summary>True when a member may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    public static bool IsTransitionAllowed(MemberStatus from, MemberStatus to) =>
        AllowedTransitions.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>
    /// Of two views of the same node, the one with the most advanced status (Akka's <c>highestPriorityOf</c>):
    /// Removed, then Down, Exiting, Leaving, Up, WeaklyUp, Joining. With equal status the older view wins
    /// (lower up-number). The result depends only on the two statuses and up-numbers, never on argument order.
    /// </summary>
    /// <param name="m1">One view.</param>
    /// <param name="m2">The other view.</param>
    /// <returns><paramref name="m1"/> or <paramref name="m2"/>.</returns>
    public static Member HighestPriorityOf(Member m1, Member m2)
    {
        ArgumentNullException.ThrowIfNull(m1);
        ArgumentNullException.ThrowIfNull(m2);
        if (m1.Status == m2.Status)
        {
            return m2.UpNumber < m1.UpNumber ? m2 : m1;
        }

        return Priority(m1.Status) >= Priority(m2.Status) ? m1 : m2;
    }

    /// <summary>
    /// Merges two member sets as Akka's <c>pickHighestPriority</c>: a node in both keeps
    /// <see cref="HighestPriorityOf"/>; a node in one only is kept unless it has a tombstone or its status is Down
    /// or Exiting (the other side already removed it).
    /// </summary>
    /// <param name="a">One member set.</param>
    /// <param name="b">The other member set.</param>
    /// <param name="tombstones">Nodes removed by a leader (their removal time); may be empty.</param>
    /// <returns>The merged members, one per node.</returns>
    public static ImmutableSortedSet<Member> PickHighestPriority(IEnumerable<Member> a, IEnumerable<Member> b,
        IReadOnlyDictionary<UniqueAddress, long> tombstones)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(tombstones);
        var fromA = a.ToDictionary(m => m.UniqueAddress);
        var fromB = b.ToDictionary(m => m.UniqueAddress);
        var result = ImmutableSortedSet.CreateBuilder(Ordering);
        foreach (var (node, member) in fromA)
        {
            if (fromB.TryGetValue(node, out var other))
            {
                result.Add(HighestPriorityOf(member, other));
            }
            else if (KeepSingle(member, tombstones))
            {
                result.Add(member);
            }
        }

        foreach (var (node, member) in fromB)
        {
            if (!fromA.ContainsKey(node) && KeepSingle(member, tombstones))
            {
                result.Add(member);
            }
        }

        return result.ToImmutable();
    }

    private static bool KeepSingle(Member member, IReadOnlyDictionary<UniqueAddress, long> tombstones) =>
        !tombstones.ContainsKey(member.UniqueAddress) && member.Status is not (MemberStatus.Down or MemberStatus.Exiting);

    private static int Priority(MemberStatus status) => status switch
    {
        MemberStatus.Joining => 0,
        MemberStatus.WeaklyUp => 1,
        MemberStatus.Up => 2,
        MemberStatus.Leaving => 3,
        MemberStatus.Exiting => 4,
        MemberStatus.Down => 5,
        MemberStatus.Removed => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown member status."),
    };
}
