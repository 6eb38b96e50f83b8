using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using LithairAkka.Actors;

namespace LithairAkka.Remote.PingPongHost;

/// <summary>
/// The <c>bench</c> mode, after Akka.NET's RemotePingPong: N client actors here, each paired with an echo actor in a
/// child process; each client is primed with <c>--window</c> messages (Akka uses 50) and bounces them off its echo
/// until it has received <c>--repeat</c> messages. Throughput counts both directions: clients × repeat × 2 / elapsed.
/// </summary>
internal static class PingPongBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var clientCounts = options.GetInts("clients", [1, 10]);
        var repeat = options.GetInt("repeat", 100_000);
        var window = options.GetInt("window", 50);
        var runs = options.GetInt("runs", 3);
        await using var host = await ChildHost.StartAsync(["--echoes", clientCounts.Max().ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        using var system = ActorSystem.Create(PingPongServer.SystemName, PingPongServer.NodeConfig("127.0.0.1", 0));
        Console.WriteLine($"ProcessorCount: {Environment.ProcessorCount}, Server GC: {GCSettings.IsServerGC}, messages per client: {repeat * 2} (window {window}), echo host {host.Address}");
        Console.WriteLine("clients, total messages,     msg/s, elapsed ms, sent remotely, received remotely");
        await RunOnceAsync(system, host.Address, clientCounts.Max(), Math.Max(repeat / 10, window), window).ConfigureAwait(false);
        for (var run = 0; run < runs; run++)
        {
            foreach (var clients in clientCounts)
            {
                var before = RemoteExtension.Get(system).Statistics;
                var (total, elapsed) = await RunOnceAsync(system, host.Address, clients, repeat, window).ConfigureAwait(false);
                var after = RemoteExtension.Get(system).Statistics;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{clients,7}, {total,14}, {(long)(total / elapsed.TotalSeconds),9}, {elapsed.TotalMilliseconds,10:F0}, {after.MessagesSent - before.MessagesSent,12}, {after.MessagesReceived - before.MessagesReceived,12}"));
            }
        }

        return 0;
    }

    private static async Task<(long Total, TimeSpan Elapsed)> RunOnceAsync(ActorSystem system, string address, int clients, int repeat, int window)
    {
        var done = new List<Task>(clients);
        var receivers = new List<IActorRef>(clients);
        for (var i = 0; i < clients; i++)
        {
            var echo = await system.ActorSelection($"{address}/user/echo-{i}").ResolveOne(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.Add(completion.Task);
            receivers.Add(system.ActorOf(Props.Create(() => new ClientActor(repeat, completion, echo))));
        }

        var watch = Stopwatch.StartNew();
        foreach (var receiver in receivers)
        {
            for (var i = 0; i < window; i++)
            {
                receiver.Tell("hit", null);
            }
        }

        await Task.WhenAll(done).WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        watch.Stop();
        foreach (var receiver in receivers)
        {
            system.Stop(receiver);
        }

        return ((long)clients * repeat * 2, watch.Elapsed);
    }

    /// <summary>Bounces every message it receives off its echo until it has received <c>repeat</c> of them.</summary>
    private sealed class ClientActor(int repeat, TaskCompletionSource completion, IActorRef echo) : ActorBase
    {
        private int _received;

        protected override bool Receive(object message)
        {
            if (_received < repeat)
            {
                _received++;
                echo.Tell(message, Self);
            }
            else
            {
                completion.TrySetResult();
            }

            return true;
        }
    }
}
