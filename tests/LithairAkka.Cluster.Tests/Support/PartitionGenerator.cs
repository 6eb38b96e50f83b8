using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

/// <summary>
/// A cluster cut into two sides that each see every node of the other side as unreachable (a clean partition), with
/// the view each side's leader has. Optionally the side of the pre-partition leader saw its last actions before the
/// cut (Joining or WeaklyUp members moved to Up, Leaving members moved to Exiting) and the other side did not.
/// </summary>
internal sealed record Partition(ImmutableList<Member> Members, ImmutableHashSet<UniqueAddress> SideA, ImmutableHashSet<UniqueAddress> SideB,
    SplitBrainView ViewA, SplitBrainView ViewB)
{
    private static readonly string[] Roles = ["a", "b"];

    public static Partition Generate(Random random, bool withInFlightChanges, int maxNodes = 12)
    {
        var count = random.Next(2, maxNodes + 1);
        var upNumbers = Enumerable.Range(1, count).OrderBy(_ => random.Next()).ToArray();
        var members = ImmutableList.CreateBuilder<Member>();
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var status = roll switch
            {
                < 0.65 => MemberStatus.Up,
                < 0.75 => MemberStatus.Joining,
                < 0.82 => MemberStatus.WeaklyUp,
                < 0.92 => MemberStatus.Leaving,
                < 0.96 => MemberStatus.Exiting,
                _ => MemberStatus.Down,
            };
            var upNumber = status is MemberStatus.Joining or MemberStatus.WeaklyUp ? int.MaxValue : upNumbers[i];
            members.Add(Member.Create(Node(i), upNumber, status, Roles.Where(_ => random.Chance(0.5))));
        }

        ImmutableHashSet<UniqueAddress> sideA;
        do
        {
            sideA = members.Where(_ => random.Chance(0.5)).Select(m => m.UniqueAddress).ToImmutableHashSet();
        }
        while (sideA.IsEmpty || sideA.Count == count);

        var sideB = members.Select(m => m.UniqueAddress).Where(n => !sideA.Contains(n)).ToImmutableHashSet();
        var membersA = members.ToImmutable();
        var membersB = membersA;
        var leader = new Gossip(membersA).Leader(membersA[0].UniqueAddress);
        if (withInFlightChanges && leader is not null)
        {
            // The leader's last actions before the cut (Joining/WeaklyUp to Up, Leaving to Exiting) reached only the
            // leader's side: the leader always knows its own changes.
            var changed = LeaderMoves(membersA, random);
            if (sideA.Contains(leader))
            {
                membersA = changed;
            }
            else
            {
                membersB = changed;
            }
        }

        return new Partition(members.ToImmutable(), sideA, sideB, ViewOf(membersA, sideA, sideB, random), ViewOf(membersB, sideB, sideA, random));
    }

    /// <summary>The non-Down, non-Exiting nodes of a side (by the side's own view) that its decision does not down.</summary>
    public ImmutableHashSet<UniqueAddress> Survivors(SplitBrainView view, ImmutableHashSet<UniqueAddress> side, ImmutableHashSet<UniqueAddress> downed) =>
        [.. view.AllMembers.Where(m => side.Contains(m.UniqueAddress) && m.Status is not (MemberStatus.Down or MemberStatus.Exiting)
            && !downed.Contains(m.UniqueAddress)).Select(m => m.UniqueAddress)];

    private static ImmutableList<Member> LeaderMoves(ImmutableList<Member> members, Random random)
    {
        var youngest = members.Where(m => m.UpNumber != int.MaxValue).Select(m => m.UpNumber).DefaultIfEmpty(0).Max();
        return [.. members.Select(m => m.Status switch
        {
            MemberStatus.Joining or MemberStatus.WeaklyUp when random.Chance(0.7) => m.CopyUp(++youngest),
            MemberStatus.Leaving when random.Chance(0.7) => m.Copy(MemberStatus.Exiting),
            _ => m,
        })];
    }

    private static SplitBrainView ViewOf(ImmutableList<Member> members, ImmutableHashSet<UniqueAddress> self, ImmutableHashSet<UniqueAddress> other,
        Random random)
    {
        var observers = members.Where(m => self.Contains(m.UniqueAddress) && m.Status != MemberStatus.Down).Select(m => m.UniqueAddress).ToList();
        if (observers.Count == 0)
        {
            observers = [.. self];
        }

        var reachability = Reachability.Empty;
        foreach (var subject in other)
        {
            var seenBy = observers.Where(_ => random.Chance(0.5)).DefaultIfEmpty(random.Pick(observers));
            reachability = seenBy.Aggregate(reachability, (r, observer) => r.Unreachable(observer, subject));
        }

        var view = members.Aggregate(SplitBrainView.Empty, (v, m) => other.Contains(m.UniqueAddress) || m.Status == MemberStatus.Down
            ? v.AddUnreachable(m)
            : v.Add(m));
        var seen = members.Where(m => self.Contains(m.UniqueAddress) && random.Chance(0.6)).Select(m => m.Address).ToImmutableHashSet();
        return view.WithReachability(reachability).WithSeenBy(seen);
    }
}
