using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Management.Bootstrap;

namespace LithairAkka.Management.Tests.Bootstrap;

public sealed class LowestAddressJoinDeciderTests
{
    private static readonly ContactPoint A = new("127.0.0.1", 8558);
    private static readonly ContactPoint B = new("127.0.0.1", 8559);
    private static readonly ContactPoint C = new("127.0.0.1", 8560);
    private static readonly Address NodeA = Address.Parse("akka.tcp://lithair@127.0.0.1:4053");
    private static readonly Address NodeB = Address.Parse("akka.tcp://lithair@127.0.0.1:4054");
    private static readonly Address NodeC = Address.Parse("akka.tcp://lithair@127.0.0.1:4055");

    private readonly ManualTime _time = new();

    private static ClusterBootstrapSettings Settings(string hocon = "") => ClusterBootstrapSettings.FromConfig(
        ConfigurationFactory.ParseString(
            "akka.management.cluster.bootstrap.contact-point-discovery { required-contact-point-nr = 3, stable-margin = 5s }\n" + hocon),
        "lithair");

    private LowestAddressJoinDecider Decider(Address self, ClusterBootstrapSettings? settings = null) =>
        new(settings ?? Settings(), self, _time);

    private static void ObserveAll(LowestAddressJoinDecider decider, params Address[] seeds)
    {
        decider.OnSeedNodesObserved(A, NodeA, seeds);
        decider.OnSeedNodesObserved(B, NodeB, seeds);
        decider.OnSeedNodesObserved(C, NodeC, seeds);
    }

    [Fact]
    public void Decide_FewerContactPointsThanRequired_KeepsProbing()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B]);
        _time.Advance(TimeSpan.FromSeconds(10));
        decider.OnSeedNodesObserved(A, NodeA, []);
        decider.OnSeedNodesObserved(B, NodeB, []);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.KeepProbing, decision.Kind);
        Assert.Contains("2 of the 3 required", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LowestBeforeStableMargin_KeepsProbing()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        ObserveAll(decider);

        Assert.Equal(JoinDecisionKind.KeepProbing, decider.Decide().Kind);
    }

    [Fact]
    public void Decide_LowestAfterStableMarginAllAnswered_JoinsSelf()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([C, A, B]);
        _time.Advance(TimeSpan.FromSeconds(5));
        ObserveAll(decider);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.JoinSelf, decision.Kind);
        Assert.Empty(decision.SeedNodes);
    }

    [Fact]
    public void Decide_NotLowest_KeepsProbingForTheLowest()
    {
        var decider = Decider(NodeB);
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(6));
        ObserveAll(decider);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.KeepProbing, decision.Kind);
        Assert.Contains(NodeA.ToString(), decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OneContactPointSilent_KeepsProbingUntilItAnswers()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(6));
        decider.OnSeedNodesObserved(A, NodeA, []);
        decider.OnSeedNodesObserved(B, NodeB, []);

        Assert.Equal(JoinDecisionKind.KeepProbing, decider.Decide().Kind);
        decider.OnSeedNodesObserved(C, NodeC, []);
        Assert.Equal(JoinDecisionKind.JoinSelf, decider.Decide().Kind);
    }

    [Fact]
    public void Decide_ContactWithAllOff_RequiredNumberSuffices()
    {
        var decider = Decider(NodeA, Settings(
            "akka.management.cluster.bootstrap.contact-point-discovery { required-contact-point-nr = 2, contact-with-all-contact-points = false }"));
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(6));
        decider.OnSeedNodesObserved(A, NodeA, []);
        decider.OnSeedNodesObserved(B, NodeB, []);

        Assert.Equal(JoinDecisionKind.JoinSelf, decider.Decide().Kind);
    }

    [Fact]
    public void Decide_ObservationOlderThanProbingFailureTimeout_DoesNotCount()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B, C]);
        ObserveAll(decider);
        _time.Advance(TimeSpan.FromSeconds(6));
        decider.OnSeedNodesObserved(A, NodeA, []);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.KeepProbing, decision.Kind);
        Assert.Contains("1 of 3 contact points answered", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ContactPointsChange_RestartsStableMargin()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B]);
        _time.Advance(TimeSpan.FromSeconds(4));
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(4));
        ObserveAll(decider);
        Assert.Equal(JoinDecisionKind.KeepProbing, decider.Decide().Kind);

        // The same set again does not restart it.
        decider.OnContactPointsDiscovered([C, B, A]);
        _time.Advance(TimeSpan.FromSeconds(1));
        ObserveAll(decider);
        Assert.Equal(JoinDecisionKind.JoinSelf, decider.Decide().Kind);
    }

    [Fact]
    public void Decide_ContactPointReportsCluster_JoinsItsSeedNodesAtOnce()
    {
        var decider = Decider(NodeC);
        decider.OnContactPointsDiscovered([A]);
        decider.OnSeedNodesObserved(A, NodeA, [NodeA, NodeB]);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.JoinOtherSeedNodes, decision.Kind);
        Assert.Equal([NodeA, NodeB], decision.SeedNodes);
    }

    [Fact]
    public void Decide_ReportedSeedsHoldSelf_NeverJoinsItselfThroughThem()
    {
        var decider = Decider(NodeA);
        decider.OnContactPointsDiscovered([A, B, C]);
        decider.OnSeedNodesObserved(B, NodeB, [NodeA, NodeB]);

        var decision = decider.Decide();

        Assert.Equal(JoinDecisionKind.JoinOtherSeedNodes, decision.Kind);
        Assert.Equal([NodeB], decision.SeedNodes);
    }

    [Fact]
    public void Decide_NewClusterDisabled_OnlyJoinsAnExistingCluster()
    {
        var decider = Decider(NodeA, Settings("akka.management.cluster.bootstrap.new-cluster-enabled = off"));
        decider.OnContactPointsDiscovered([A, B, C]);
        _time.Advance(TimeSpan.FromSeconds(60));
        ObserveAll(decider);
        Assert.Equal(JoinDecisionKind.KeepProbing, decider.Decide().Kind);

        decider.OnSeedNodesObserved(B, NodeB, [NodeB]);
        Assert.Equal(JoinDecisionKind.JoinOtherSeedNodes, decider.Decide().Kind);
    }

    [Fact]
    public void Decide_ThreeNodesSameView_ExactlyOneFormsTheCluster()
    {
        var deciders = new[] { Decider(NodeC), Decider(NodeA), Decider(NodeB) };
        foreach (var decider in deciders)
        {
            decider.OnContactPointsDiscovered([A, B, C]);
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        foreach (var decider in deciders)
        {
            ObserveAll(decider);
        }

        var kinds = deciders.Select(d => d.Decide().Kind).ToArray();

        Assert.Equal([JoinDecisionKind.KeepProbing, JoinDecisionKind.JoinSelf, JoinDecisionKind.KeepProbing], kinds);
    }
}
