using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using Xunit.Abstractions;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Remote.Tests.Support;

/// <summary>
/// Several actor systems with remoting in one test process, on 127.0.0.1 with port 0 (or a given port), all named
/// alike so they may associate. Each node is a <see cref="Kit"/>, so probes and expectations come with it.
/// Terminates every node when disposed.
/// </summary>
internal sealed class RemoteNodes : IDisposable
{
    /// <summary>Fast reconnects and a watch failure detector that gives up on a silent node within seconds.</summary>
    public const string BaseConfig = """
        akka.actor.provider = remote
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.remote {
          dot-netty.tcp.hostname = "127.0.0.1"
          dot-netty.tcp.port = 0
          reconnect-backoff-min = 20ms
          retry-gate-closed-for = 200ms
          flush-wait-on-shutdown = 2s
          handshake-timeout = 10s
          watch-failure-detector {
            heartbeat-interval = 200ms
            acceptable-heartbeat-pause = 1500ms
            expected-response-after = 500ms
            unreachable-nodes-reaper-interval = 200ms
          }
        }
        """;

    private readonly List<Kit> _nodes = [];
    private readonly ITestOutputHelper? _output;

    public RemoteNodes(ITestOutputHelper? output = null) => _output = output;

    /// <summary>Starts a node; <paramref name="config"/> overrides <see cref="BaseConfig"/>.</summary>
    public Kit Start(string? config = null, int port = 0)
    {
        var portConfig = port == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"akka.remote.dot-netty.tcp.port = {port}\n");
        var effective = ConfigurationFactory.ParseString(portConfig + (config ?? string.Empty))
            .WithFallback(ConfigurationFactory.ParseString(BaseConfig));
        var node = new Kit(effective, _output);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Terminates <paramref name="node"/> and waits for it (deadline 20 s).</summary>
    public static async Task StopAsync(Kit node)
    {
        await node.Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
    }

    public static Address AddressOf(Kit node) => RemoteExtension.Get(node.Sys).Address;

    public static int PortOf(Kit node) => AddressOf(node).Port ?? 0;

    /// <summary>The path of <paramref name="actor"/> on <paramref name="node"/> as another node addresses it.</summary>
    public static ActorPath RemotePathOf(Kit node, IActorRef actor) =>
        ActorPath.Parse(actor.Path.ToStringWithAddress(AddressOf(node)));

    /// <summary>A remote ref, on <paramref name="from"/>, to <paramref name="actor"/> living on <paramref name="owner"/> (uid kept).</summary>
    public static IActorRef RemoteRef(Kit from, Kit owner, IActorRef actor) =>
        ((ExtendedActorSystem)from.Sys).Provider.ResolveActorRef(RemotePathOf(owner, actor).WithUid(actor.Path.Uid));

    public void Dispose()
    {
        var terminations = _nodes.Select(n => n.Sys.Terminate()).ToArray();
        Task.WaitAll(terminations, TimeSpan.FromSeconds(20));
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
