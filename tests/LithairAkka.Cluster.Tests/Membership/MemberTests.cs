using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class MemberTests
{
    private static readonly MemberStatus[] AllStatuses = Enum.GetValues<MemberStatus>();

    private static readonly HashSet<(MemberStatus From, MemberStatus To)> AkkaTransitions =
    [
        (MemberStatus.Joining, MemberStatus.WeaklyUp), (MemberStatus.Joining, MemberStatus.Up), (MemberStatus.Joining, MemberStatus.Leaving),
        (MemberStatus.Joining, MemberStatus.Down), (MemberStatus.Joining, MemberStatus.Removed),
        (MemberStatus.WeaklyUp, MemberStatus.Up), (MemberStatus.WeaklyUp, MemberStatus.Leaving), (MemberStatus.WeaklyUp, MemberStatus.Down),
        (MemberStatus.WeaklyUp, MemberStatus.Removed),
        (MemberStatus.Up, MemberStatus.Leaving), (MemberStatus.Up, MemberStatus.Down), (MemberStatus.Up, MemberStatus.Removed),
        (MemberStatus.Leaving, MemberStatus.Exiting), (MemberStatus.Leaving, MemberStatus.Down), (MemberStatus.Leaving, MemberStatus.Removed),
        (MemberStatus.Exiting, MemberStatus.Removed), (MemberStatus.Exiting, MemberStatus.Down),
        (MemberStatus.Down, MemberStatus.Removed),
    ];

    public static TheoryData<MemberStatus, MemberStatus> AllPairs()
    {
        var data = new TheoryData<MemberStatus, MemberStatus>();
        foreach (var from in AllStatuses)
        {
            foreach (var to in AllStatuses)
            {
                if (from != to)
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Copy_EveryStatusPair_FollowsAkkasTransitionTable(MemberStatus from, MemberStatus to)
    {
        var member = Member(1, from, 5);
        if (AkkaTransitions.Contains((from, to)))
        {
            Assert.True(LithairAkka.Cluster.Member.IsTransitionAllowed(from, to));
            var moved = member.Copy(to);
            Assert.Equal(to, moved.Status);
            Assert.Equal(member.UpNumber, moved.UpNumber);
        }
        else
        {
            Assert.False(LithairAkka.Cluster.Member.IsTransitionAllowed(from, to));
            Assert.Throws<InvalidOperationException>(() => member.Copy(to));
        }
    }

    [Fact]
    public void AllowedTransitions_Table_HasExactlyAkkasEntries()
    {
        var table = LithairAkka.Cluster.Member.AllowedTransitions.SelectMany(p => p.Value.Select(to => (p.Key, to))).ToHashSet();
        Assert.Equal(AkkaTransitions.Count, table.Count);
        Assert.Subset(AkkaTransitions, table);
        Assert.Empty(LithairAkka.Cluster.Member.AllowedTransitions[MemberStatus.Removed]);
    }

    [Fact]
    public void Copy_SameStatus_ReturnsSameInstance()
    {
        var member = Up(1);
        Assert.Same(member, member.Copy(MemberStatus.Up));
    }

    [Fact]
    public void Create_NewMember_IsJoiningWithoutUpNumber()
    {
        var member = LithairAkka.Cluster.Member.Create(Node(1), ["a", "b"], AppVersion.Parse("1.2.3"));
        Assert.Equal(MemberStatus.Joining, member.Status);
        Assert.Equal(int.MaxValue, member.UpNumber);
        Assert.True(member.HasRole("a"));
        Assert.False(member.HasRole("c"));
        Assert.Equal(AppVersion.Parse("1.2.3"), member.AppVersion);
        Assert.Equal(AppVersion.Zero, Joining(2).AppVersion);
    }

    [Fact]
    public void CopyUp_JoiningMember_IsUpWithUpNumber()
    {
        var up = Joining(1).CopyUp(7);
        Assert.Equal(MemberStatus.Up, up.Status);
        Assert.Equal(7, up.UpNumber);
    }

    [Fact]
    public void CopyUp_DownMember_Throws() =>
        Assert.Throws<InvalidOperationException>(() => WithStatus(1, MemberStatus.Down).CopyUp(3));

    [Fact]
    public void Equals_SameNodeDifferentStatus_AreEqual()
    {
        Assert.Equal(Up(1), WithStatus(1, MemberStatus.Leaving));
        Assert.Equal(Up(1).GetHashCode(), Joining(1).GetHashCode());
        Assert.NotEqual(Up(1), Up(2));
        Assert.NotEqual(LithairAkka.Cluster.Member.Create(Node(1, uid: 1), ["x"]), LithairAkka.Cluster.Member.Create(Node(1, uid: 2), ["x"]));
    }

    [Fact]
    public void IsOlderThan_LowerUpNumber_IsOlder()
    {
        Assert.True(Up(5, upNumber: 1).IsOlderThan(Up(1, upNumber: 2)));
        Assert.False(Up(1, upNumber: 2).IsOlderThan(Up(5, upNumber: 1)));
    }

    [Fact]
    public void IsOlderThan_SameUpNumber_LowerAddressIsOlder()
    {
        Assert.True(Up(1, upNumber: 3).IsOlderThan(Up(2, upNumber: 3)));
        Assert.False(Up(2, upNumber: 3).IsOlderThan(Up(1, upNumber: 3)));
    }

    [Fact]
    public void Ordering_Members_SortByHostThenPortThenUid()
    {
        var a = LithairAkka.Cluster.Member.Create(new UniqueAddress(new Actors.Address("akka.tcp", "sys", "b", 1), 1), ["r"]);
        var b = LithairAkka.Cluster.Member.Create(new UniqueAddress(new Actors.Address("akka.tcp", "sys", "a", 9), 1), ["r"]);
        var c = LithairAkka.Cluster.Member.Create(new UniqueAddress(new Actors.Address("akka.tcp", "sys", "a", 2), 5), ["r"]);
        var d = LithairAkka.Cluster.Member.Create(new UniqueAddress(new Actors.Address("akka.tcp", "sys", "a", 2), 4), ["r"]);
        var sorted = new[] { a, b, c, d }.Order(LithairAkka.Cluster.Member.Ordering).ToList();
        Assert.Equal([d, c, b, a], sorted);
    }

    [Fact]
    public void AgeOrdering_Members_SortOldestFirst()
    {
        var sorted = new[] { Up(1, 3), Joining(0), Up(2, 1), Up(3, 2) }.Order(LithairAkka.Cluster.Member.AgeOrdering).Select(m => m.UniqueAddress).ToList();
        Assert.Equal([Node(2), Node(3), Node(1), Node(0)], sorted);
    }

    [Fact]
    public void LeaderStatusOrdering_MixedStatuses_PutsWeaklyUpJoiningExitingDownLast()
    {
        var members = new[]
        {
            WithStatus(1, MemberStatus.Down), WithStatus(2, MemberStatus.Exiting), WithStatus(3, MemberStatus.Joining),
            WithStatus(4, MemberStatus.WeaklyUp), WithStatus(5, MemberStatus.Up), WithStatus(6, MemberStatus.Leaving),
        };
        var sorted = members.Order(LithairAkka.Cluster.Member.LeaderStatusOrdering).Select(m => m.Status).ToList();
        Assert.Equal([MemberStatus.Up, MemberStatus.Leaving, MemberStatus.WeaklyUp, MemberStatus.Joining, MemberStatus.Exiting, MemberStatus.Down],
            sorted);
    }

    [Theory]
    [InlineData(MemberStatus.Joining, MemberStatus.Up, MemberStatus.Up)]
    [InlineData(MemberStatus.Joining, MemberStatus.WeaklyUp, MemberStatus.WeaklyUp)]
    [InlineData(MemberStatus.WeaklyUp, MemberStatus.Up, MemberStatus.Up)]
    [InlineData(MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Leaving)]
    [InlineData(MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Exiting)]
    [InlineData(MemberStatus.Exiting, MemberStatus.Down, MemberStatus.Down)]
    [InlineData(MemberStatus.Up, MemberStatus.Down, MemberStatus.Down)]
    [InlineData(MemberStatus.Down, MemberStatus.Removed, MemberStatus.Removed)]
    [InlineData(MemberStatus.Joining, MemberStatus.Removed, MemberStatus.Removed)]
    public void HighestPriorityOf_TwoStatuses_PicksMostAdvancedInEitherOrder(MemberStatus a, MemberStatus b, MemberStatus expected)
    {
        var m1 = Member(1, a, 3);
        var m2 = Member(1, b, 3);
        Assert.Equal(expected, LithairAkka.Cluster.Member.HighestPriorityOf(m1, m2).Status);
        Assert.Equal(expected, LithairAkka.Cluster.Member.HighestPriorityOf(m2, m1).Status);
    }

    [Fact]
    public void HighestPriorityOf_SameStatus_PicksOlder()
    {
        var older = Member(1, MemberStatus.Up, 2);
        var younger = Member(1, MemberStatus.Up, 9);
        Assert.Same(older, LithairAkka.Cluster.Member.HighestPriorityOf(older, younger));
        Assert.Same(older, LithairAkka.Cluster.Member.HighestPriorityOf(younger, older));
    }

    [Fact]
    public void PickHighestPriority_SingleSideDownOrExiting_IsDropped()
    {
        var merged = LithairAkka.Cluster.Member.PickHighestPriority(
            [Up(1), WithStatus(2, MemberStatus.Down), WithStatus(3, MemberStatus.Exiting), Up(4)],
            [Up(1), Joining(5)],
            ImmutableDictionary<UniqueAddress, long>.Empty);
        Assert.Equal([Node(1), Node(4), Node(5)], merged.Select(m => m.UniqueAddress));
    }

    [Fact]
    public void PickHighestPriority_Tombstoned_IsDroppedEvenWhenUp()
    {
        var merged = LithairAkka.Cluster.Member.PickHighestPriority([Up(1), Up(2)], [Up(1)],
            ImmutableDictionary<UniqueAddress, long>.Empty.Add(Node(2), 100));
        Assert.Equal([Node(1)], merged.Select(m => m.UniqueAddress));
    }

    [Fact]
    public void Removed_Placeholder_HasRemovedStatus()
    {
        var removed = LithairAkka.Cluster.Member.Removed(Node(3));
        Assert.Equal(MemberStatus.Removed, removed.Status);
        Assert.Empty(removed.Roles);
    }

    [Fact]
    public void ToString_Member_ShowsAddressStatusRolesAndVersion()
    {
        var text = Up(1, 4, "b", "a").ToString();
        Assert.Contains("127.0.0.1:2551", text, StringComparison.Ordinal);
        Assert.Contains("Up", text, StringComparison.Ordinal);
        Assert.Contains("roles=[a,b]", text, StringComparison.Ordinal);
        Assert.Contains("upNumber=4", text, StringComparison.Ordinal);
    }
}
