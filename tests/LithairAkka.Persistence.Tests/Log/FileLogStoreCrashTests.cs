using System.Diagnostics;
using System.Globalization;
using LithairAkka.Persistence.CrashHost;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>
/// Kills a writing child process (SIGKILL on Linux) at random points, 50 times, and checks after every kill that
/// each group is exactly in the state its acknowledged operations produced, or in that state plus the one operation
/// that was in flight (a group-commit frame is all or nothing).
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class FileLogStoreCrashTests : IDisposable
{
    private const int Groups = 6;
    private const int Kills = 50;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task KillDuringWrites_FiftyTimes_EveryAcknowledgedOperationSurvivesIntact()
    {
        var random = new Random(20240607);
        var models = new Dictionary<long, GroupState>();
        var acknowledged = 0;
        for (var run = 0; run < Kills; run++)
        {
            var lines = await RunAndKillAsync(run, killAfterLines: random.Next(1, 700));
            acknowledged += lines.Count(l => l.StartsWith("D ", StringComparison.Ordinal));
            var (expected, inFlight) = Replay(models, lines);

            await using var store = await FileLogStore.OpenAsync(CrashOptions.For(_directory.Path));
            for (long g = 1; g <= Groups; g++)
            {
                var actual = await GroupState.ReadAsync(store, g);
                var acked = expected.GetValueOrDefault(g) ?? new GroupState();
                var alternative = inFlight.TryGetValue(g, out var op) ? acked.Apply(op) : acked;
                Assert.True(
                    actual.SameAs(acked) || actual.SameAs(alternative),
                    $"run {run}, group {g}: store has {actual}, acknowledged {acked}, with the in-flight operation {alternative}");
                models[g] = actual;
            }
        }

        Assert.True(acknowledged > Kills, $"only {acknowledged} operations were acknowledged over {Kills} runs");
    }

    private async Task<List<string>> RunAndKillAsync(int run, int killAfterLines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(CrashPayload).Assembly.Location, _directory.Path, Groups.ToString(CultureInfo.InvariantCulture), (run * 101).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = process.StandardError.ReadToEndAsync();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                    if (lines.Count >= killAfterLines + 1)
                    {
                        reached.TrySetResult();
                    }
                }
            }

            reached.TrySetResult();
        });

        await reached.Task.WaitAsync(Deadline);
        var exitedOnItsOwn = process.HasExited;
        process.Kill();
        await process.WaitForExitAsync();
        await reader.WaitAsync(Deadline);
        Assert.False(exitedOnItsOwn, $"the crash host exited by itself: {await stderr}");
        lock (lines)
        {
            Assert.Equal("READY;", lines.FirstOrDefault());
            return [.. lines];
        }
    }

    /// <summary>Applies the acknowledged operations to the model; returns it and each group's in-flight operation.</summary>
    private static (Dictionary<long, GroupState> Expected, Dictionary<long, string[]> InFlight) Replay(
        Dictionary<long, GroupState> models,
        List<string> lines)
    {
        var expected = models.ToDictionary(p => p.Key, p => p.Value);
        var inFlight = new Dictionary<long, string[]>();
        foreach (var line in lines.Skip(1))
        {
            // A line cut by the kill has no terminator and proves nothing.
            if (!line.EndsWith(';'))
            {
                continue;
            }

            var parts = line.TrimEnd(';').Split(' ');
            var op = parts[1..];
            var group = long.Parse(op[1], CultureInfo.InvariantCulture);
            if (parts[0] == "I")
            {
                inFlight[group] = op;
            }
            else
            {
                expected[group] = (expected.GetValueOrDefault(group) ?? new GroupState()).Apply(op);
                inFlight.Remove(group);
            }
        }

        return (expected, inFlight);
    }
}
