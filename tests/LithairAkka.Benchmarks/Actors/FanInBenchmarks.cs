using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>Many sender actors tell one receiver as fast as they can: contention on a single mailbox.</summary>
[MemoryDiagnoser]
public class FanInBenchmarks
{
    private const int TotalMessages = 2_000_000;

    private ActorSystem _system = null!;
    private IActorRef _sink = null!;
    private IActorRef[] _senders = [];

    /// <summary>How many actors send at once.</summary>
    [Params(4, 32)]
    public int Senders { get; set; }

    /// <summary>Starts the senders and the counting receiver.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("fanin");
        _sink = _system.ActorOf(Props.Create(() => new CountingSink()), "sink");
        _senders = new IActorRef[Senders];
        for (var i = 0; i < Senders; i++)
        {
            _senders[i] = _system.ActorOf(Props.Create(() => new BurstSender()), $"sender-{i}");
        }
    }

    /// <summary>Stops the system.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Every sender bursts its share; completes when the receiver has counted them all.</summary>
    [Benchmark(OperationsPerInvoke = TotalMessages)]
    public Task FanIn()
    {
        var perSender = TotalMessages / Senders;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sink.Tell(new CountingSink.Expect(perSender * Senders, done), ActorRefs.NoSender);
        foreach (var sender in _senders)
        {
            sender.Tell(new BurstSender.Burst(_sink, perSender), ActorRefs.NoSender);
        }
        return done.Task;
    }

    private sealed class BurstSender : ReceiveActor
    {
        public BurstSender() => Receive<Burst>(burst =>
        {
            for (var i = 0; i < burst.Count; i++)
            {
                burst.Target.Tell(PingPongClient.Ball.Instance, Self);
            }
        });

        public sealed record Burst(IActorRef Target, int Count);
    }

    private sealed class CountingSink : ReceiveActor
    {
        private long _expected;
        private long _received;
        private TaskCompletionSource? _done;

        public CountingSink()
        {
            Receive<Expect>(expect =>
            {
                _expected = expect.Count;
                _received = 0;
                _done = expect.Done;
            });
            ReceiveAny(_ =>
            {
                if (++_received == _expected)
                {
                    _done?.TrySetResult();
                }
            });
        }

        public sealed record Expect(long Count, TaskCompletionSource Done);
    }
}
