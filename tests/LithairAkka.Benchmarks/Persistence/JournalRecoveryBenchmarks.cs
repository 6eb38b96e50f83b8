using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Persistence;

/// <summary>
/// Recovery rate: a persistent actor replaying 100,000 stored events through the SQL journal (snapshot lookup,
/// highest sequence number, paged replay, deserialization, recovery handler). One operation = one event.
/// </summary>
[Config(typeof(PersistenceBenchmarkConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class JournalRecoveryBenchmarks
{
    private const int Events = 100_000;
    private const int BatchSize = 1000;

    private PersistenceBenchmarkSystem? _system;
    private string _persistenceId = string.Empty;

    /// <summary>sqlite, and postgresql when LITHAIR_PG_CONNECTION is set.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = PersistenceBenchmarkSystem.Sqlite;

    /// <summary>The providers available here.</summary>
    public static IEnumerable<string> Providers => PersistenceBenchmarkSystem.Providers;

    /// <summary>Stores the events to replay.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = new PersistenceBenchmarkSystem(Provider, "recovery");
        _persistenceId = "recovery-" + Guid.NewGuid().ToString("N")[..8];
        var writer = _system.Start(_persistenceId);
        var batch = Enumerable.Range(0, BatchSize).Select(i => "event-payload-" + i).ToArray();
        for (var i = 0; i < Events / BatchSize; i++)
        {
            writer.Tell(batch, ActorRefs.NoSender);
        }

        PersistenceBenchmarkSystem.Finish(writer).Wait(TimeSpan.FromMinutes(5));
        _system.System.Stop(writer);
    }

    /// <summary>Stops the system and deletes the data.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system?.Shutdown();

    /// <summary>Starts an incarnation and waits until it replayed every event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> Recover()
    {
        var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system!.System.ActorOf(Props.Create(() => new BenchActor(_persistenceId, recovered)));
        var count = await recovered.Task;
        _system.System.Stop(actor);
        return count == Events ? count : throw new InvalidOperationException($"Recovered {count} events instead of {Events}.");
    }
}
