using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Persistence;

/// <summary>
/// Persisting through the SQL journal: one actor persisting one event per command (each waits for the previous, as
/// Persist stashes), one actor persisting batches of 100 with PersistAll, ten actors doing so at once, and a hundred
/// actors persisting with PersistAsync. One operation = one event; the Events/s column is the throughput.
/// Macro benchmarks: each iteration runs the whole workload once (monitoring strategy).
/// </summary>
[Config(typeof(PersistenceBenchmarkConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5, invocationCount: 1)]
public class JournalWriteBenchmarks
{
    private const int PersistEvents = 1000;
    private const int PersistAllBatches = 100;
    private const int ConcurrentActors = 10;
    private const int AsyncActors = 100;
    private const int AsyncEventsPerActor = 200;
    private const int BatchSize = 100;

    private PersistenceBenchmarkSystem? _system;
    private IActorRef _single = ActorRefs.Nobody;
    private IActorRef[] _group = [];
    private IActorRef[] _asyncActors = [];
    private string[] _batch = [];

    /// <summary>sqlite, and postgresql when LITHAIR_PG_CONNECTION is set.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = PersistenceBenchmarkSystem.Sqlite;

    /// <summary>The providers available here.</summary>
    public static IEnumerable<string> Providers => PersistenceBenchmarkSystem.Providers;

    /// <summary>Starts the system and the actors (their recoveries are not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = new PersistenceBenchmarkSystem(Provider, "write");
        var run = Guid.NewGuid().ToString("N")[..8];
        _single = _system.Start("single-" + run);
        _group = [.. Enumerable.Range(0, ConcurrentActors).Select(i => _system.Start($"group-{i}-{run}"))];
        _asyncActors = [.. Enumerable.Range(0, AsyncActors).Select(i => _system.Start($"async-{i}-{run}"))];
        _batch = [.. Enumerable.Range(0, BatchSize).Select(i => "event-payload-" + i)];
    }

    /// <summary>Stops the system and deletes the data.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system?.Shutdown();

    /// <summary>One actor, Persist, one event per command.</summary>
    [Benchmark(OperationsPerInvoke = PersistEvents)]
    public Task<long> Persist()
    {
        for (var i = 0; i < PersistEvents; i++)
        {
            _single.Tell("event-payload-" + i, ActorRefs.NoSender);
        }

        return PersistenceBenchmarkSystem.Finish(_single);
    }

    /// <summary>One actor, PersistAll of 100 events per command.</summary>
    [Benchmark(OperationsPerInvoke = PersistAllBatches * BatchSize)]
    public Task<long> PersistAll()
    {
        for (var i = 0; i < PersistAllBatches; i++)
        {
            _single.Tell(_batch, ActorRefs.NoSender);
        }

        return PersistenceBenchmarkSystem.Finish(_single);
    }

    /// <summary>Ten actors at once, PersistAll of 100 events per command.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentActors * PersistAllBatches * BatchSize)]
    public Task PersistAllTenActors()
    {
        foreach (var actor in _group)
        {
            for (var i = 0; i < PersistAllBatches; i++)
            {
                actor.Tell(_batch, ActorRefs.NoSender);
            }
        }

        return Task.WhenAll(_group.Select(PersistenceBenchmarkSystem.Finish));
    }

    /// <summary>A hundred actors at once, PersistAsync, one event per command.</summary>
    [Benchmark(OperationsPerInvoke = AsyncActors * AsyncEventsPerActor)]
    public Task PersistAsyncHundredActors()
    {
        var events = Enumerable.Range(0, AsyncEventsPerActor).Select(i => new BenchActor.AsyncEvent("event-payload-" + i)).ToArray();
        foreach (var actor in _asyncActors)
        {
            foreach (var e in events)
            {
                actor.Tell(e, ActorRefs.NoSender);
            }
        }

        return Task.WhenAll(_asyncActors.Select(PersistenceBenchmarkSystem.Finish));
    }
}
