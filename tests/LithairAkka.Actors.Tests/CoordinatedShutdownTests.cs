using System.Collections.Concurrent;
using LithairAkka.Hocon;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class CoordinatedShutdownTests(ITestOutputHelper output) : FakeTimeTestKit(output, Config)
{
    private const string Config = """
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.coordinated-shutdown.phases {
          service-unbind.timeout = 2s
          custom-late { depends-on = [service-stop] }
        }
        """;

    private static Func<Task<Done>> Record(ConcurrentQueue<string> log, string name) => () =>
    {
        log.Enqueue(name);
        return Task.FromResult(Done.Instance);
    };

    [Fact]
    public void OrderedPhases_FollowDependsOn()
    {
        var phases = CoordinatedShutdown.Get(Sys).OrderedPhases;

        string[] akkaOrder =
        [
            "before-service-unbind", "service-unbind", "service-requests-done", "service-stop", "before-cluster-shutdown",
            "cluster-sharding-shutdown-region", "cluster-leave", "cluster-exiting", "cluster-exiting-done", "cluster-shutdown",
            "before-actor-system-terminate", "actor-system-terminate",
        ];
        Assert.Equal(akkaOrder, phases.Where(p => p != "custom-late"));
        Assert.True(phases.ToList().IndexOf("custom-late") > phases.ToList().IndexOf("service-stop"));
    }

    [Fact]
    public void Timeout_ComesFromConfigOrDefault()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);

        Assert.Equal(TimeSpan.FromSeconds(2), shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
        Assert.Equal(TimeSpan.FromSeconds(5), shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop));
        Assert.Equal(TimeSpan.FromSeconds(10), shutdown.Timeout(CoordinatedShutdown.PhaseActorSystemTerminate));
    }

    [Fact]
    public async Task Run_ExecutesTasksInPhaseOrder_AndTerminatesTheSystem()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var log = new ConcurrentQueue<string>();
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "c", Record(log, "c"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "b", Record(log, "b"));
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "a", Record(log, "a"));
        shutdown.AddTask("custom-late", "late", Record(log, "late"));

        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b", "late", "c"], log);
        await Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<CoordinatedShutdown.UnknownReason>(shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Run_IsIdempotent_ReturnsSameTaskAndRunsTasksOnce()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var runs = 0;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "count", () =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(Done.Instance);
        });

        var first = shutdown.Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
        var second = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, runs);
        Assert.IsType<CoordinatedShutdown.ClusterLeavingReason>(shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Run_PhaseTimesOut_OnTheInjectedClock_AndContinues()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var log = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () =>
        {
            started.TrySetResult();
            return new TaskCompletionSource<Done>().Task;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "after", Record(log, "after"));

        Task<Done> run = null!;
        await EventFilter.Warning(contains: "timed out").ExpectOneAsync(async () =>
        {
            run = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Empty(log);
            await AwaitConditionAsync(() => Time.ActiveTimerCount > 0);
            Time.Advance(TimeSpan.FromSeconds(2));
        });

        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["after"], log);
    }

    [Fact]
    public async Task Run_FailedTaskWithoutRecover_SkipsRemainingPhasesButTerminates()
    {
        using var system = ActorSystem.Create("norecover", ConfigurationFactory.ParseString("""
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.coordinated-shutdown.phases.service-unbind.recover = off
            """));
        var shutdown = CoordinatedShutdown.Get(system);
        var log = new ConcurrentQueue<string>();
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fails", () => Task.FromException<Done>(new InvalidOperationException("x")));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "skipped", Record(log, "skipped"));

        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(log);
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Terminate_RunsCoordinatedShutdown()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var log = new ConcurrentQueue<string>();
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hook", Record(log, "hook"));

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["hook"], log);
        Assert.IsType<CoordinatedShutdown.ActorSystemTerminateReason>(shutdown.ShutdownReason);
    }

    [Fact]
    public void AddTask_UnknownPhase_Throws() =>
        Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(Sys).AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));

    [Fact]
    public void TopologicalSort_Cycle_Throws()
    {
        var phases = new Dictionary<string, Phase>
        {
            ["a"] = new(TimeSpan.FromSeconds(1), true, true, ["b"]),
            ["b"] = new(TimeSpan.FromSeconds(1), true, true, ["a"]),
        };

        Assert.Throws<ConfigurationException>(() => CoordinatedShutdown.TopologicalSort(phases));
    }

    [Fact]
    public void Create_RunByTerminateWithoutTerminateActorSystem_Throws()
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("invalid", ConfigurationFactory.ParseString(
            "akka.coordinated-shutdown.terminate-actor-system = off")));

        Assert.Contains("terminate-actor-system", e.Message, StringComparison.Ordinal);
    }
}
