using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Nemesis;
using LithairAkka.Chaos.Reporting;
using LithairAkka.Chaos.Tests.Nemesis;
using LithairAkka.Chaos.Workload;

namespace LithairAkka.Chaos.Tests.Reporting;

public class RunSummaryTests
{
    internal static RunSummary Sample(int seed = 7, int nodes = 3, int violations = 0) => new()
    {
        Seed = seed,
        Nodes = nodes,
        Seconds = 180,
        Operations = new WorkloadSummary(100, 60, 10, 20, 5, 5),
        FaultsInjected = new Dictionary<string, int> { ["KillLeader"] = 2, ["SkewClock"] = 1 },
        FaultsSkipped = new Dictionary<string, int>(),
        FailedNemesisCommands = 0,
        Verdict = violations == 0 ? nameof(Verdict.Linearizable) : nameof(Verdict.NotLinearizable),
        Keys = 4,
        Violations = violations,
        Undecided = 0,
        Outside = new Availability(40, 39),
        During = new Availability(60, 51),
    };

    [Fact]
    public async Task Of_FinishedRun_CountsFaultsByKindSkipsAndViolations()
    {
        var control = new RecordingClusterControl(0) { ClockSkewUnavailable = "no libfaketime" };
        var clock = 0L;
        var nemesis = new NemesisRunner(control, 3, new Random(1), TimeProvider.System, () => ++clock);
        NemesisFaultKind[] kinds = [NemesisFaultKind.KillLeader, NemesisFaultKind.SkewClock, NemesisFaultKind.KillLeader, NemesisFaultKind.PauseNode];
        await nemesis.RunAsync(new NemesisSchedule([.. kinds.Select(k => new NemesisFault(k, TimeSpan.Zero, TimeSpan.Zero))], TimeSpan.FromSeconds(1)), CancellationToken.None);
        var result = new CheckResult(Verdict.NotLinearizable, [new KeyCheckResult("a", Verdict.Linearizable, 3, 3, null), new KeyCheckResult("b", Verdict.NotLinearizable, 2, 9, null)]);

        var summary = RunSummary.Of(1, 3, 60, new WorkloadSummary(5, 5, 0, 0, 0, 0), nemesis, result, new Availability(2, 2), new Availability(3, 3));

        Assert.Equal(new Dictionary<string, int> { ["KillLeader"] = 2, ["PauseNode"] = 1 }, summary.FaultsInjected);
        Assert.Equal(new Dictionary<string, int> { ["SkewClock"] = 1 }, summary.FaultsSkipped);
        Assert.Equal(1, summary.Violations);
        Assert.Equal(2, summary.Keys);
        Assert.Equal("NotLinearizable", summary.Verdict);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), "chaos-summary-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var summary = Sample();
            summary.Write(path);

            var read = RunSummary.Read(path);

            Assert.Equal(summary.Operations, read.Operations);
            Assert.Equal(summary.Outside, read.Outside);
            Assert.Equal(summary.During, read.During);
            Assert.Equal(summary.FaultsInjected, read.FaultsInjected);
            Assert.Equal(summary.Seed, read.Seed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NotASummary_ThrowsFormatException()
    {
        var path = Path.Combine(Path.GetTempPath(), "chaos-summary-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ not json");
        try
        {
            Assert.Throws<FormatException>(() => RunSummary.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Format_Always_NamesOperationsFaultsVerdictAndAvailability()
    {
        var text = Sample().Format();

        Assert.Contains("100 operations", text, StringComparison.Ordinal);
        Assert.Contains("KillLeader 2, SkewClock 1", text, StringComparison.Ordinal);
        Assert.Contains("violations 0", text, StringComparison.Ordinal);
        Assert.Contains("(39/40)", text, StringComparison.Ordinal);
        Assert.Contains("(51/60)", text, StringComparison.Ordinal);
    }
}
