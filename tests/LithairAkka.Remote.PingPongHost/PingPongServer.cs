using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Hocon;

namespace LithairAkka.Remote.PingPongHost;

/// <summary>The <c>serve</c> mode: echo actors behind remoting until stdin closes.</summary>
internal static class PingPongServer
{
    public const string SystemName = "pingpong";

    public static async Task<int> RunAsync(Options options)
    {
        var port = options.GetInt("port", 0);
        var hostname = options.Get("hostname", "127.0.0.1");
        var echoes = options.GetInt("echoes", 32);
        using var system = ActorSystem.Create(options.Get("system", SystemName), NodeConfig(hostname, port));
        for (var i = 0; i < echoes; i++)
        {
            system.ActorOf(Props.Create(() => new EchoActor()), "echo-" + i.ToString(CultureInfo.InvariantCulture));
        }

        Console.Out.WriteLine("ADDRESS " + RemoteExtension.Get(system).Address);
        Console.Out.Flush();

        // Runs until the parent closes stdin (or dies): no orphan keeps the port.
        await Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        }).ConfigureAwait(false);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The configuration of both sides of the benchmark (and of the multi-process test's host).</summary>
    public static Config NodeConfig(string hostname, int port) => ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $"""
        akka.actor.provider = remote
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.remote.dot-netty.tcp.hostname = "{hostname}"
        akka.remote.dot-netty.tcp.port = {port}
        akka.remote.watch-failure-detector.heartbeat-interval = 200ms
        akka.remote.watch-failure-detector.acceptable-heartbeat-pause = 2s
        akka.remote.watch-failure-detector.expected-response-after = 500ms
        akka.remote.watch-failure-detector.unreachable-nodes-reaper-interval = 200ms
        """));

    /// <summary>Replies to every message with the message itself.</summary>
    private sealed class EchoActor : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}
