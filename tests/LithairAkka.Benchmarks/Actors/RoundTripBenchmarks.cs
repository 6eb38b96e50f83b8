using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>
/// Latency of one local round trip (client to echo and back) with a single message in flight:
/// the figure Akka.NET reports as its single-pair round trip.
/// </summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private const int RoundTrips = 200_000;

    private ActorSystem _system = null!;
    private IActorRef _client = null!;

    /// <summary>Starts one client/echo pair.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("roundtrip");
        var echo = _system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        _client = _system.ActorOf(Props.Create(() => new PingPongClient(echo)), "client");
    }

    /// <summary>Stops the system.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Sequential round trips; the result is per round trip.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public Task RoundTrip()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.Tell(new PingPongClient.Run(RoundTrips, 1, done), ActorRefs.NoSender);
        return done.Task;
    }
}
