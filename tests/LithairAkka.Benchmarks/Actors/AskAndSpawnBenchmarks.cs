using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>The cost of <c>Ask</c> (a temporary reply ref and a task per call) and of creating and stopping actors.</summary>
[MemoryDiagnoser]
public class AskAndSpawnBenchmarks
{
    private const int Operations = 10_000;

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private IActorRef _spawner = null!;

    /// <summary>Starts the echo and the spawner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("askspawn");
        _echo = _system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        _spawner = _system.ActorOf(Props.Create(() => new Spawner()), "spawner");
    }

    /// <summary>Stops the system.</summary>
    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Sequential asks of an echo actor; the result is per ask round trip.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public async Task AskRoundTrip()
    {
        var timeout = TimeSpan.FromSeconds(5);
        for (var i = 0; i < Operations; i++)
        {
            await _echo.Ask<PingPongClient.Ball>(PingPongClient.Ball.Instance, timeout).ConfigureAwait(false);
        }
    }

    /// <summary>A parent creates children and each child answers once started; the result is per actor spawned.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public Task Spawn()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _spawner.Tell(new Spawner.SpawnMany(Operations, done), ActorRefs.NoSender);
        return done.Task;
    }

    private sealed class Spawner : ReceiveActor
    {
        private int _pending;
        private TaskCompletionSource? _done;

        public Spawner()
        {
            Receive<SpawnMany>(spawn =>
            {
                _pending = spawn.Count;
                _done = spawn.Done;
                for (var i = 0; i < spawn.Count; i++)
                {
                    Context.ActorOf(Props.Create(() => new StartedChild()));
                }
            });
            Receive<StartedChild.Started>(_ =>
            {
                Context.Stop(Sender);
                if (--_pending == 0)
                {
                    _done?.TrySetResult();
                }
            });
        }

        public sealed record SpawnMany(int Count, TaskCompletionSource Done);
    }

    private sealed class StartedChild : ReceiveActor
    {
        public StartedChild() => ReceiveAny(_ => { });

        protected override void PreStart() => Context.Parent.Tell(Started.Instance, Self);

        public sealed class Started
        {
            public static readonly Started Instance = new();
        }
    }
}
