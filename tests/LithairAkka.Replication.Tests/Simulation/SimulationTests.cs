using System.Diagnostics;
using Xunit.Abstractions;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// Deterministic simulation of the consensus core under faults. <c>LITHAIR_SIM_SEEDS=N</c> runs N seeds (default small
/// enough for CI); <c>LITHAIR_SIM_SEED=S</c> replays seed S alone with a trace of its last events.
/// </summary>
public class SimulationTests
{
    private const int DefaultSeeds = 300;
    private readonly ITestOutputHelper _output;

    public SimulationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Run_ManySeeds_NoInvariantViolated()
    {
        var (seeds, replay) = SeedsFromEnvironment();
        var failures = new List<string>();
        var total = new SimulationStats();
        var watch = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var simulation = new Simulation(SimulationSettings.ForSeed(seed, trace: replay));
            var failure = simulation.Run();
            total.Add(simulation.Stats);
            if (failure is not null)
            {
                failures.Add($"seed {seed}: {failure}\n  replay: LITHAIR_SIM_SEED={seed} dotnet test tests/LithairAkka.Replication.Tests -c Release --filter \"FullyQualifiedName~SimulationTests.Run_ManySeeds\"");
            }
        }

        _output.WriteLine($"{seeds.Count} seeds in {watch.Elapsed.TotalSeconds:F1} s; {total}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {seeds.Count} seeds failed:\n{string.Join("\n\n", failures.Take(5))}");
        Assert.True(total.Acknowledged > 0 && total.Crashes > 0 && total.Partitions > 0, $"The faults did not happen: {total}");
    }

    [Fact]
    public void Run_PlantedCommitRuleBug_IsCaughtBySomeSeed()
    {
        // With the Figure 8 rule disabled, some seed must break a safety property: the checkers have teeth.
        for (var seed = 1; seed <= 1000; seed++)
        {
            var failure = new Simulation(SimulationSettings.ForSeed(seed, plantCommitBug: true)).Run();
            if (failure is { IsLiveness: false })
            {
                _output.WriteLine($"seed {seed} caught the planted bug: {failure.Description.Split('\n')[0]}");
                return;
            }
        }

        Assert.Fail("No seed out of 1000 detected the planted commit-rule bug.");
    }

    [Fact]
    public void Run_SameSeedTwice_SameHistory()
    {
        var first = new Simulation(SimulationSettings.ForSeed(42));
        var second = new Simulation(SimulationSettings.ForSeed(42));

        Assert.Null(first.Run());
        Assert.Null(second.Run());

        Assert.Equal(first.Now, second.Now);
        Assert.Equal(first.Stats.ToString(), second.Stats.ToString());
        Assert.Equal(
            first.Nodes.Select(n => string.Join(",", n.StateMachine)),
            second.Nodes.Select(n => string.Join(",", n.StateMachine)));
    }

    private static (List<int> Seeds, bool Replay) SeedsFromEnvironment()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("LITHAIR_SIM_SEED"), out var single))
        {
            return ([single], true);
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("LITHAIR_SIM_SEEDS"), out var n) && n > 0 ? n : DefaultSeeds;
        return ([.. Enumerable.Range(1, count)], false);
    }
}
