using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed partial class ReachabilityTests
{
    private static readonly UniqueAddress A = Node(1);
    private static readonly UniqueAddress B = Node(2);
    private static readonly UniqueAddress C = Node(3);
    private static readonly UniqueAddress D = Node(4);
    private static readonly UniqueAddress E = Node(5);

    [Fact]
    public void Empty_AnyNode_IsReachable()
    {
        Assert.True(Reachability.Empty.IsAllReachable);
        Assert.True(Reachability.Empty.IsReachable(A));
        Assert.True(Reachability.Empty.IsReachable(B, A));
        Assert.Equal(ReachabilityStatus.Reachable, Reachability.Empty.Status(A));
    }

    [Fact]
    public void Unreachable_ByOneObserver_AggregatesToUnreachable()
    {
        var r = Reachability.Empty.Unreachable(B, A);
        Assert.False(r.IsAllReachable);
        Assert.False(r.IsReachable(A));
        Assert.True(r.IsReachable(C, A));
        Assert.Equal(ReachabilityStatus.Unreachable, r.Status(A));
        Assert.Equal(ReachabilityStatus.Unreachable, r.Status(B, A));
        Assert.Equal([A], r.AllUnreachable);
        Assert.Equal(1, r.Versions[B]);
    }

    [Fact]
    public void Reachable_WithoutRecords_ReturnsSameTable()
    {
        var r = Reachability.Empty.Reachable(B, A);
        Assert.Same(Reachability.Empty, r);
    }

    [Fact]
    public void Reachable_AfterUnreachable_RemovesObserverRowsKeepsVersion()
    {
        var r = Reachability.Empty.Unreachable(B, A).Reachable(B, A);
        Assert.True(r.IsAllReachable);
        Assert.Empty(r.Records);
        Assert.Equal(2, r.Versions[B]);
    }

    [Fact]
    public void Reachable_WhileObserverWatchesOtherUnreachable_KeepsReachableRecord()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(B, C).Reachable(B, A);
        Assert.True(r.IsReachable(A));
        Assert.False(r.IsReachable(C));
        Assert.Equal(ReachabilityStatus.Reachable, r.Status(B, A));
        Assert.Equal(2, r.Records.Count);
    }

    [Fact]
    public void Terminated_AnyObserver_WinsOverUnreachable()
    {
        var r = Reachability.Empty.Unreachable(B, A).Terminated(C, A);
        Assert.Equal(ReachabilityStatus.Terminated, r.Status(A));
        Assert.Empty(r.AllUnreachable);
        Assert.Equal([A], r.AllUnreachableOrTerminated);
    }

    [Fact]
    public void Change_TerminatedRecord_IsFinal()
    {
        var r = Reachability.Empty.Terminated(B, A);
        Assert.Same(r, r.Reachable(B, A));
        Assert.Same(r, r.Unreachable(B, A));
    }

    [Fact]
    public void Change_SameStatus_ReturnsSameTable()
    {
        var r = Reachability.Empty.Unreachable(B, A);
        Assert.Same(r, r.Unreachable(B, A));
    }

    [Fact]
    public void ObserversGroupedByUnreachable_SeveralObservers_GroupsBySubject()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(C, A).Unreachable(C, D).Terminated(E, B);
        var grouped = r.ObserversGroupedByUnreachable;
        Assert.Equal(2, grouped.Count);
        Assert.Equal([B, C], grouped[A].Order());
        Assert.Equal([C], grouped[D]);
    }

    [Fact]
    public void AllUnreachableFrom_Observer_ListsOnlyItsUnreachable()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(B, C).Terminated(B, D).Unreachable(E, C);
        Assert.Equal([A, C], r.AllUnreachableFrom(B).Order());
        Assert.Empty(r.AllUnreachableFrom(A));
        Assert.Equal(3, r.RecordsFrom(B).Count);
    }

    [Fact]
    public void AllObservers_ObserverWithAllReachable_IsNotCounted()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(C, D).Reachable(C, D);
        Assert.Equal([B], r.AllObservers);
    }

    [Fact]
    public void Merge_HigherObserverVersion_Wins()
    {
        var older = Reachability.Empty.Unreachable(B, A);
        var newer = older.Reachable(B, A).Unreachable(B, C);
        var allowed = new[] { A, B, C };
        var m1 = older.Merge(allowed, newer);
        var m2 = newer.Merge(allowed, older);
        Assert.Equal(m1, m2);
        Assert.True(m1.IsReachable(A));
        Assert.False(m1.IsReachable(C));
        Assert.Equal(3, m1.Versions[B]);
    }

    [Fact]
    public void Merge_DifferentObservers_KeepsBothRows()
    {
        var r1 = Reachability.Empty.Unreachable(B, A);
        var r2 = Reachability.Empty.Unreachable(C, D);
        var merged = r1.Merge([A, B, C, D], r2);
        Assert.Equal([A, D], merged.AllUnreachable.Order());
    }

    [Fact]
    public void Merge_ObserverHealedInOther_DropsItsRows()
    {
        var r1 = Reachability.Empty.Unreachable(B, A);
        var r2 = r1.Reachable(B, A);
        Assert.True(r1.Merge([A, B], r2).IsAllReachable);
        Assert.True(r2.Merge([A, B], r1).IsAllReachable);
    }

    [Fact]
    public void Merge_NotAllowedNodes_AreDropped()
    {
        var r1 = Reachability.Empty.Unreachable(B, A).Unreachable(C, B);
        var merged = r1.Merge([B, C], Reachability.Empty);
        Assert.True(merged.IsReachable(A));
        Assert.False(merged.IsReachable(B));
        Assert.False(merged.Versions.ContainsKey(A));
    }

    [Fact]
    public void Remove_Nodes_DropsTheirRecordsBothWays()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(A, C).Unreachable(D, E).Remove([A]);
        Assert.Equal([E], r.AllUnreachable);
        Assert.False(r.Versions.ContainsKey(A));
    }

    [Fact]
    public void RemoveObservers_Nodes_DropsOnlyTheirObservations()
    {
        var r = Reachability.Empty.Unreachable(B, A).Unreachable(C, B);
        var reduced = r.RemoveObservers(Set(2));
        Assert.True(reduced.IsReachable(A));
        Assert.False(reduced.IsReachable(B));
        Assert.Same(r, r.RemoveObservers(Set()));
    }

    [Fact]
    public void FilterRecords_Predicate_KeepsVersions()
    {
        var r = Reachability.Empty.Unreachable(B, A).Terminated(C, D);
        var filtered = r.FilterRecords(x => x.Status == ReachabilityStatus.Terminated);
        Assert.True(filtered.IsReachable(A));
        Assert.False(filtered.IsReachable(D));
        Assert.Equal(r.Versions, filtered.Versions);
    }

    [Fact]
    public void Equals_SameRecordsDifferentOrder_AreEqual()
    {
        var r1 = Reachability.Empty.Unreachable(B, A).Unreachable(C, D);
        var r2 = Reachability.Empty.Unreachable(C, D).Unreachable(B, A);
        Assert.Equal(r1, r2);
        Assert.Equal(r1.GetHashCode(), r2.GetHashCode());
        Assert.NotEqual(r1, r1.Unreachable(E, A));
    }
}
