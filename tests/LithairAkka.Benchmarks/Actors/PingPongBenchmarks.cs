using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>
/// Local messaging throughput after Akka.NET's PingPong benchmark: each pair keeps up to 1,000 messages in flight,
/// and every message counts once per hop (client to echo and back are two messages).
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    // Every invocation moves the same number of messages whatever the pair count, so per-operation times compare.
    private const int TotalMessages = 3_200_000;
    private const int WindowPerPair = 1_000;

    private ActorSystem _system = null!;
    private IActorRef[] _clients = [];
    private TaskCompletionSource[] _done = [];

    /// <summary>How many client/echo pairs run at once.</summary>
    [Params(1, 8, 16)]
    public int Pairs { get; set; }

    /// <summary>Starts the system and the pairs once per parameter value.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("pingpong");
        _clients = new IActorRef[Pairs];
        _done = new TaskCompletionSource[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var echo = _system.ActorOf(Props.Create(() => new EchoActor()), $"echo-{i}");
            _clients[i] = _system.ActorOf(Props.Create(() => new PingPongClient(echo)), $"client-{i}");
        }
    }

    /// <summary>Stops the system.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>All pairs exchange their messages; the result is per message sent or received.</summary>
    [Benchmark(OperationsPerInvoke = TotalMessages)]
    public async Task PingPong()
    {
        for (var i = 0; i < Pairs; i++)
        {
            _done[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _clients[i].Tell(new PingPongClient.Run(TotalMessages / 2 / Pairs, WindowPerPair, _done[i]), ActorRefs.NoSender);
        }
        foreach (var done in _done)
        {
            await done.Task.ConfigureAwait(false);
        }
    }
}
