using LithairAkka.Chaos.Nemesis;
using LithairAkka.Chaos.Reporting;

namespace LithairAkka.Chaos.Tests.Reporting;

public class RunTotalsTests
{
    [Fact]
    public void Totals_SeveralRuns_AddUpOperationsFaultsViolationsAndPoolAvailability()
    {
        var totals = new RunTotals([RunSummaryTests.Sample(1), RunSummaryTests.Sample(2, violations: 1), RunSummaryTests.Sample(3, nodes: 5)]);

        Assert.Equal(300, totals.Operations);
        Assert.Equal(15, totals.Indeterminate);
        Assert.Equal(1, totals.Violations);
        Assert.Equal(new Dictionary<string, int> { ["KillLeader"] = 6, ["SkewClock"] = 3 }, totals.FaultsInjected);
        Assert.Equal(new Availability(120, 117), totals.Outside);
        Assert.Equal(new Availability(180, 153), totals.During);
    }

    [Fact]
    public void Format_TwoClusterSizes_HasARowPerSizeAndOneForAll()
    {
        var text = new RunTotals([RunSummaryTests.Sample(1), RunSummaryTests.Sample(2), RunSummaryTests.Sample(3, nodes: 5)]).Format();

        Assert.Contains("| 3 nodes | 2 | 6 | 200 | 10 | 6 | 0 | 97.50 % | 85.00 % |", text, StringComparison.Ordinal);
        Assert.Contains("| 5 nodes | 1 | 3 | 100 |", text, StringComparison.Ordinal);
        Assert.Contains("| all | 3 | 9 | 300 |", text, StringComparison.Ordinal);
        Assert.Contains("KillLeader 6, SkewClock 3", text, StringComparison.Ordinal);
    }
}
