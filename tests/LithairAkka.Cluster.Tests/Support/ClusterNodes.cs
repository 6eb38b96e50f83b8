using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Remote;
using Xunit.Abstractions;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Cluster.Tests;

/// <summary>
/// Several clustered actor systems in this test process, on 127.0.0.1 port 0, with short cluster timings (gossip and
/// heartbeats every 200 ms, a 1 s acceptable pause, stable-after 1.5 s). Each node is a <see cref="Kit"/>. Nodes
/// still running at the end are stopped abruptly (no leave), so disposal is quick.
/// </summary>
internal sealed class ClusterNodes : IDisposable
{
    public const string BaseConfig = """
        akka.actor.provider = cluster
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.remote {
          dot-netty.tcp.hostname = "127.0.0.1"
          dot-netty.tcp.port = 0
          reconnect-backoff-min = 20ms
          retry-gate-closed-for = 200ms
          flush-wait-on-shutdown = 1s
          handshake-timeout = 5s
        }
        akka.cluster {
          seed-node-timeout = 1s
          retry-unsuccessful-join-after = 1s
          periodic-tasks-initial-delay = 100ms
          gossip-interval = 200ms
          leader-actions-interval = 200ms
          unreachable-nodes-reaper-interval = 200ms
          allow-weakly-up-members = off
          failure-detector {
            heartbeat-interval = 200ms
            acceptable-heartbeat-pause = 1s
            expected-response-after = 500ms
          }
          split-brain-resolver.stable-after = 1500ms
        }
        akka.coordinated-shutdown.phases {
          cluster-leave.timeout = 3s
          cluster-exiting.timeout = 3s
        }
        """;

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly List<Kit> _nodes = [];
    private readonly ITestOutputHelper? _output;

    public ClusterNodes(ITestOutputHelper? output = null) => _output = output;

    /// <summary>Starts a node; <paramref name="config"/> overrides <see cref="BaseConfig"/>.</summary>
    public Kit Start(string? config = null, int port = 0, IEnumerable<Address>? seedNodes = null)
    {
        var extra = port == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"akka.remote.dot-netty.tcp.port = {port}\n");
        if (seedNodes is not null)
        {
            extra += "akka.cluster.seed-nodes = [" + string.Join(", ", seedNodes.Select(a => $"\"{a}\"")) + "]\n";
        }

        var effective = ConfigurationFactory.ParseString(extra + (config ?? string.Empty)).WithFallback(ConfigurationFactory.ParseString(BaseConfig));
        var node = new Kit(effective, _output);
        _nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Starts <paramref name="count"/> nodes joined through seed nodes: the first node is the first seed and forms
    /// the cluster after seed-node-timeout; the others list it as their seed. Waits until all are Up everywhere.
    /// </summary>
    public async Task<List<Kit>> FormAsync(int count, string? config = null)
    {
        var first = Start(config);
        var seed = ClusterOf(first).SelfAddress;
        ClusterOf(first).JoinSeedNodes([seed]);
        var nodes = new List<Kit> { first };
        for (var i = 1; i < count; i++)
        {
            nodes.Add(Start(config, seedNodes: [seed]));
        }

        await AwaitUpAsync(nodes);
        return nodes;
    }

    public static Cluster ClusterOf(Kit node) => Cluster.Get(node.Sys);

    public static Address AddressOf(Kit node) => ClusterOf(node).SelfAddress;

    /// <summary>Waits until every one of <paramref name="nodes"/> sees exactly them, all Up, with one leader and convergence.</summary>
    public static Task AwaitUpAsync(IReadOnlyList<Kit> nodes, TimeSpan? max = null)
    {
        var addresses = nodes.Select(AddressOf).ToHashSet();
        return nodes[0].AwaitConditionAsync(
            () => nodes.All(n =>
            {
                var state = ClusterOf(n).State;
                return state.Members.Count == nodes.Count
                    && state.Members.All(m => m.Status == MemberStatus.Up && addresses.Contains(m.Address))
                    && state.Unreachable.IsEmpty
                    && state.SeenBy.SetEquals(addresses);
            }) && nodes.Select(n => ClusterOf(n).State.Leader).Distinct().Count() == 1,
            max ?? Deadline,
            TimeSpan.FromMilliseconds(50),
            "all nodes Up with one leader and convergence");
    }

    /// <summary>Cuts every node of <paramref name="a"/> off every node of <paramref name="b"/>, both directions.</summary>
    public static void Partition(IEnumerable<Kit> a, IEnumerable<Kit> b)
    {
        var sideB = b.ToList();
        foreach (var x in a)
        {
            foreach (var y in sideB)
            {
                RemoteExtension.Get(x.Sys).Faults.Blackhole(RemoteExtension.ToRemoteAddress(AddressOf(y)));
                RemoteExtension.Get(y.Sys).Faults.Blackhole(RemoteExtension.ToRemoteAddress(AddressOf(x)));
            }
        }
    }

    /// <summary>Stops <paramref name="node"/> without leaving the cluster, as a crash would (no coordinated shutdown).</summary>
    public static async Task CrashAsync(Kit node)
    {
        await ((ExtendedActorSystem)node.Sys).FinalTerminate().WaitAsync(Deadline);
    }

    public void Dispose()
    {
        var running = _nodes.Where(n => !n.Sys.WhenTerminated.IsCompleted).Select(n => ((ExtendedActorSystem)n.Sys).FinalTerminate()).ToArray();
        Task.WaitAll(running, TimeSpan.FromSeconds(20));
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
