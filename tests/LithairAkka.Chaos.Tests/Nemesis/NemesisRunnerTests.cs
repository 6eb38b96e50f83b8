using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class NemesisRunnerTests
{
    private static NemesisSchedule Instant(params NemesisFaultKind[] kinds) =>
        new([.. kinds.Select(k => new NemesisFault(k, TimeSpan.Zero, TimeSpan.Zero))], TimeSpan.FromSeconds(1));

    private static (NemesisRunner Runner, RecordingClusterControl Control) Make(int nodes, int? leader, string? failOn = null) =>
        Make(nodes, new RecordingClusterControl(leader) { FailOn = failOn });

    private static (NemesisRunner Runner, RecordingClusterControl Control) Make(int nodes, RecordingClusterControl control)
    {
        var clock = 0L;
        return (new NemesisRunner(control, nodes, new Random(3), TimeProvider.System, () => ++clock), control);
    }

    [Fact]
    public async Task RunAsync_KillLeader_KillsAndRestartsTheLeader()
    {
        var (runner, control) = Make(3, leader: 2);

        await runner.RunAsync(Instant(NemesisFaultKind.KillLeader), CancellationToken.None);

        Assert.Equal(["kill 2", "start 2"], control.Commands);
        var window = Assert.Single(runner.Windows);
        Assert.Equal("kill leader 2", window.Description);
        Assert.True(window.End > window.Start);
    }

    [Fact]
    public async Task RunAsync_IsolateLeader_PartitionsItFromEveryOtherNodeThenHeals()
    {
        var (runner, control) = Make(5, leader: 0);

        await runner.RunAsync(Instant(NemesisFaultKind.IsolateLeader), CancellationToken.None);

        Assert.Equal(2, control.Commands.Count);
        Assert.StartsWith("partition 0 ", control.Commands[0], StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4"], control.Commands[0].Split(' ')[2].Split(',').Order());
        Assert.Equal("heal", control.Commands[1]);
    }

    [Fact]
    public async Task RunAsync_PauseNode_ResumesIt()
    {
        var (runner, control) = Make(3, leader: null);

        await runner.RunAsync(Instant(NemesisFaultKind.PauseNode), CancellationToken.None);

        Assert.Matches("^pause [0-2]$", control.Commands[0]);
        Assert.Equal("resume " + control.Commands[0][^1], control.Commands[1]);
    }

    [Fact]
    public async Task RunAsync_KillLeaderWithNoLeaderKnown_KillsARandomNodeAndSaysSo()
    {
        var (runner, control) = Make(3, leader: null);

        await runner.RunAsync(Instant(NemesisFaultKind.KillLeader), CancellationToken.None);

        Assert.Contains("no leader known", runner.Windows[0].Description, StringComparison.Ordinal);
        Assert.Equal(2, control.Commands.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task RunAsync_EveryFaultKind_NeverTakesDownAMajorityAndUndoesEverything(int nodes)
    {
        var (runner, control) = Make(nodes, leader: 1);
        var kinds = Enumerable.Repeat(Enum.GetValues<NemesisFaultKind>(), 20).SelectMany(k => k).ToArray();

        await runner.RunAsync(Instant(kinds), CancellationToken.None);

        Assert.Equal(kinds.Length, runner.Windows.Count);
        Assert.True(control.MaxDown <= (nodes - 1) / 2);
        Assert.All(runner.Events, e => Assert.Null(e.Error));
        Assert.Equal(control.Commands.Count(c => c.StartsWith("partition", StringComparison.Ordinal)), control.Commands.Count(c => c == "heal"));
        Assert.Equal(control.Commands.Count(c => c.StartsWith("kill", StringComparison.Ordinal)), control.Commands.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
        Assert.Empty(control.Skews);
    }

    [Fact]
    public async Task RunAsync_KillNodeInFiveNodes_SometimesKillsTwoButNeverThree()
    {
        var (runner, control) = Make(5, leader: 0);

        await runner.RunAsync(Instant([.. Enumerable.Repeat(NemesisFaultKind.KillNode, 40)]), CancellationToken.None);

        Assert.Equal(2, control.MaxDown);
        Assert.Contains(runner.Windows, w => w.Description.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SkewClock_RestartsANodeSkewedMeasuresItThenRestartsItPlain()
    {
        var (runner, control) = Make(3, leader: 0);

        await runner.RunAsync(Instant(NemesisFaultKind.SkewClock), CancellationToken.None);

        Assert.Equal(4, control.Commands.Count);
        var node = control.Commands[0].Split(' ')[1];
        Assert.Equal("kill " + node, control.Commands[0]);
        Assert.Matches($"^start {node} skewed [+-]([3-9][0-9]|1[0-7][0-9]|180)$", control.Commands[1]);
        Assert.Equal(["kill " + node, "start " + node], control.Commands[2..]);
        Assert.Contains(runner.Events, e => e.Action.StartsWith("clock of " + node + " measured", StringComparison.Ordinal));
        Assert.All(runner.Events, e => Assert.Null(e.Error));
        Assert.StartsWith("skew clock of " + node, Assert.Single(runner.Windows).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SkewClockNotReported_LogsAFailedMeasurement()
    {
        var (runner, _) = Make(3, new RecordingClusterControl(0) { ReportedOffset = TimeSpan.Zero });

        await runner.RunAsync(Instant(NemesisFaultKind.SkewClock), CancellationToken.None);

        var failed = Assert.Single(runner.Events, e => e.Error is not null);
        Assert.StartsWith("measure clock of", failed.Action, StringComparison.Ordinal);
        Assert.Contains("reports a clock offset of +0 s", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NodeNotReadyBeforeAFault_IsStartedAgainFirst()
    {
        var control = new RecordingClusterControl(1);
        control.Dead.Add(2);
        var clock = 0L;
        var runner = new NemesisRunner(control, 3, new Random(3), TimeProvider.System, () => ++clock) { ReadyTimeout = TimeSpan.FromMilliseconds(300) };

        await runner.RunAsync(Instant(NemesisFaultKind.KillLeader), CancellationToken.None);

        Assert.Equal(["start 2", "kill 1", "start 1"], control.Commands);
        Assert.Equal([2], runner.Revived);
        Assert.Contains(runner.Events, e => e.Action == "start 2 (not ready for 0.3 s)");
    }

    [Fact]
    public async Task RunAsync_SkewClockUnavailable_SkipsItAndSaysWhy()
    {
        var (runner, control) = Make(3, new RecordingClusterControl(0) { ClockSkewUnavailable = "no libfaketime" });

        await runner.RunAsync(Instant(NemesisFaultKind.SkewClock, NemesisFaultKind.KillLeader), CancellationToken.None);

        Assert.Equal(["kill 0", "start 0"], control.Commands);
        Assert.Equal([NemesisFaultKind.SkewClock], runner.Skipped);
        Assert.Contains(runner.Events, e => e.Action == "skip clock skew: no libfaketime");
        Assert.Single(runner.Windows);
    }

    [Fact]
    public async Task RunAsync_FailingCommand_IsLoggedAndTheRunGoesOn()
    {
        var (runner, control) = Make(3, leader: 0, failOn: "kill 0");

        await runner.RunAsync(Instant(NemesisFaultKind.KillLeader, NemesisFaultKind.KillLeader), CancellationToken.None);

        Assert.Equal(["kill 0", "start 0", "kill 0", "start 0"], control.Commands);
        Assert.Equal(2, runner.Events.Count(e => e.Error is not null));
    }

    [Fact]
    public async Task RunAsync_CancelledDuringAFault_StillUndoesIt()
    {
        var (runner, control) = Make(3, leader: 1);
        using var cancel = new CancellationTokenSource();
        var schedule = new NemesisSchedule([new NemesisFault(NemesisFaultKind.KillLeader, TimeSpan.Zero, TimeSpan.FromHours(1))], TimeSpan.FromHours(2));

        var run = runner.RunAsync(schedule, cancel.Token);
        await cancel.CancelAsync();
        await run;

        Assert.Equal(["kill 1", "start 1"], control.Commands);
    }
}
