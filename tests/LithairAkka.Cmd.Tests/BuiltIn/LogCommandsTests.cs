using LithairAkka.Actors.Event;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.BuiltIn;

public sealed class LogCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output, "akka.loglevel = INFO")
{
    [Fact]
    public async Task Level_WithoutArgument_ShowsTheNodesLevel()
    {
        var record = await RecordAsync("log", "level");

        Assert.Equal("INFO", record["level"]);
    }

    [Fact]
    public async Task Level_SetToDebug_EnablesDebugOnExistingAdapters()
    {
        var log = Sys.GetLogger("test", typeof(LogCommandsTests));
        Assert.False(log.IsDebugEnabled);

        var record = await RecordAsync("log", "level", "debug");

        Assert.Equal(("INFO", "DEBUG"), (record["previous"], record["level"]));
        Assert.Equal(LogLevel.DebugLevel, Sys.EventStream.LogLevel);
        Assert.True(log.IsDebugEnabled);
    }

    [Fact]
    public async Task Level_UnknownLevel_UsageErrorListingLevels()
    {
        var (completed, _) = await RunAsync("log", "level", "LOUD");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.Equal("Bad value 'LOUD' for LEVEL of 'log level': expected one of DEBUG, INFO, WARNING, ERROR, OFF.", completed.Error);
    }

    [Fact]
    public async Task Tail_StreamsLogEventsUntilClientCancels_ThenCompletesCancelled()
    {
        var log = Sys.GetLogger("tail-test", typeof(LogCommandsTests));
        var received = new List<CommandOutput>();
        var sawMarker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var run = Client.ExecuteAsync(["log", "tail", "-l", "WARNING"], o =>
        {
            lock (received)
            {
                received.Add(o);
            }

            if (o.Text?.Contains("marker-", StringComparison.Ordinal) == true)
            {
                sawMarker.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, cancel.Token);

        // The subscription starts with the command, asynchronously: log until the tail reports an entry.
        var attempt = 0;
        await AwaitConditionAsync(
            () =>
            {
                log.Info("info-{Attempt} is below the tail's level", attempt);
                log.Warning("marker-{Attempt}", attempt++);
                return sawMarker.Task.IsCompleted;
            },
            Deadline);

        await cancel.CancelAsync();
        var completed = await run.WaitAsync(Deadline);

        Assert.Equal(CmdExitCodes.Cancelled, completed.ExitCode);
        lock (received)
        {
            var entries = received.Where(o => o.Fields is not null).ToArray();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal("WARNING", e.Fields!.Single(f => f.Name == "level").Value));
            Assert.All(entries, e => Assert.Equal("tail-test", e.Fields!.Single(f => f.Name == "source").Value));
        }
    }

    [Fact]
    public async Task Tail_AfterCancel_ConnectionRunsTheNextCommand()
    {
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Client.ExecuteAsync(["log", "tail"], _ => { started.TrySetResult(); return ValueTask.CompletedTask; }, cancel.Token);
        await started.Task.WaitAsync(Deadline);
        await cancel.CancelAsync();
        await run.WaitAsync(Deadline);

        var record = await RecordAsync("log", "level");

        Assert.Equal("INFO", record["level"]);
    }
}
