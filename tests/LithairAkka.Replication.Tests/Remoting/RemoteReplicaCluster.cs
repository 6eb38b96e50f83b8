using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Log;
using LithairAkka.Remote;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.Remoting;

/// <summary>
/// One actor system with remoting per node on 127.0.0.1 port 0, each running the ReplicaGroup of group 1 at
/// <c>/user/replica-g1</c>; every group addresses its peers by remote refs resolved from the others' addresses.
/// </summary>
internal sealed class RemoteReplicaCluster : IAsyncDisposable
{
    public const string GroupName = "replica-g1";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    private const string BaseConfig = """
        akka.actor.provider = remote
        akka.loglevel = ERROR
        akka.log-dead-letters = off
        akka.remote {
          dot-netty.tcp.hostname = "127.0.0.1"
          dot-netty.tcp.port = 0
          reconnect-backoff-min = 20ms
          retry-gate-closed-for = 200ms
          flush-wait-on-shutdown = 1s
          handshake-timeout = 5s
        }
        """;

    private readonly Dictionary<NodeId, ActorSystem> _systems = [];
    private readonly Dictionary<NodeId, IActorRef> _groups = [];
    private readonly Configuration _members;

    public RemoteReplicaCluster(int size, ReplicationSettings? settings = null, string? extraConfig = null)
    {
        Nodes = Enumerable.Range(1, size).Select(i => new NodeId(i)).ToArray();
        _members = Configuration.OfVoters(Nodes);
        Settings = settings ?? new ReplicationSettings();
        var config = ConfigurationFactory.ParseString(extraConfig ?? string.Empty).WithFallback(ConfigurationFactory.ParseString(BaseConfig));
        foreach (var node in Nodes)
        {
            _systems[node] = ActorSystem.Create("replicas", config);
            SnapshotStores[node] = new InMemorySnapshotStore();
            LogStores[node] = new InMemoryLogStore();
        }

        foreach (var node in Nodes)
        {
            var peers = Nodes.Where(n => n != node).ToDictionary(n => n, n => RefOn(node, n));
            var options = new ReplicaGroupOptions(
                node, new GroupId(1), _members, LogStores[node], SnapshotStores[node],
                Props.Create(() => new KeyValueStateMachine()), Settings)
            {
                Peers = peers,
            };
            _groups[node] = _systems[node].ActorOf(ReplicaGroup.Props(options), GroupName);
        }
    }

    public NodeId[] Nodes { get; }

    public ReplicationSettings Settings { get; }

    public Dictionary<NodeId, ILogStore> LogStores { get; } = [];

    public Dictionary<NodeId, ISnapshotStore> SnapshotStores { get; } = [];

    public IEnumerable<NodeId> Live => _systems.Keys;

    public ActorSystem SystemOf(NodeId node) => _systems[node];

    public Address AddressOf(NodeId node) => RemoteExtension.Get(_systems[node]).Address;

    /// <summary>The group of <paramref name="node"/>, local to its own system.</summary>
    public IActorRef GroupOf(NodeId node) => _groups[node];

    /// <summary>A remote ref, on <paramref name="from"/>'s system, to the group of <paramref name="target"/>.</summary>
    public IActorRef RefOn(NodeId from, NodeId target)
    {
        var path = ActorPath.Parse(string.Create(CultureInfo.InvariantCulture, $"{AddressOf(target)}/user/{GroupName}"));
        return ((ExtendedActorSystem)_systems[from]).Provider.ResolveActorRef(path);
    }

    /// <summary>Cuts <paramref name="node"/> off from every other node (its transport drops both directions).</summary>
    public void Isolate(NodeId node)
    {
        var faults = RemoteExtension.Get(_systems[node]).Faults;
        foreach (var other in _systems.Keys.Where(n => n != node))
        {
            faults.Blackhole(RemoteExtension.ToRemoteAddress(AddressOf(other)));
        }
    }

    public void Heal(NodeId node) => RemoteExtension.Get(_systems[node]).Faults.Heal();

    /// <summary>Terminates the system of <paramref name="node"/> (its connections close).</summary>
    public async Task KillAsync(NodeId node)
    {
        var system = _systems[node];
        _systems.Remove(node);
        _groups.Remove(node);
        await system.Terminate().WaitAsync(Deadline);
    }

    public async Task<RaftStatus?> StatusAsync(NodeId node)
    {
        try
        {
            return await _groups[node].Ask(GetGroupStatus.Instance, AskTimeout) as RaftStatus;
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Waits until exactly one of <paramref name="among"/> (default: every live node) leads and all of them know it.</summary>
    public async Task<NodeId> AwaitLeaderAsync(IReadOnlyCollection<NodeId>? among = null, long minTerm = 0)
    {
        var nodes = among ?? [.. _systems.Keys];
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var statuses = new List<RaftStatus>();
            foreach (var node in nodes)
            {
                if (await StatusAsync(node) is { } status)
                {
                    statuses.Add(status);
                }
            }

            var leaders = statuses.Where(s => s.Role == NodeRole.Leader && s.Term >= minTerm).ToArray();
            if (leaders.Length == 1 && statuses.Count == nodes.Count
                && statuses.All(s => s.Leader == leaders[0].Node && s.Term == leaders[0].Term))
            {
                return leaders[0].Node;
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>Writes through whichever node leads, retrying redirects and unknown outcomes until the deadline.</summary>
    public async Task<ProposeSucceeded> WriteAsync(KvCommand command, ClientRequest? request = null)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            cts.Token.ThrowIfCancellationRequested();
            var leader = await AwaitLeaderAsync();
            try
            {
                if (await _groups[leader].Ask(new Propose(command.Encode(), request), AskTimeout) is ProposeSucceeded ok)
                {
                    return ok;
                }
            }
            catch (AskTimeoutException)
            {
                // Unknown outcome: retried with the same request id, so it is applied once.
            }
        }
    }

    public async Task<SnapshotTaken> StateOfAsync(NodeId node) =>
        await _groups[node].Ask<SnapshotTaken>(new TakeSnapshot(), AskTimeout);

    /// <summary>Waits until every node of <paramref name="among"/> applied at least <paramref name="index"/>, then returns their states.</summary>
    public async Task<Dictionary<NodeId, SnapshotTaken>> AwaitAppliedAsync(long index, IReadOnlyCollection<NodeId>? among = null)
    {
        var nodes = among ?? [.. _systems.Keys];
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var states = new Dictionary<NodeId, SnapshotTaken>();
            foreach (var node in nodes)
            {
                states[node] = await StateOfAsync(node);
            }

            if (states.Values.All(s => s.AppliedIndex >= index))
            {
                return states;
            }

            await Task.Delay(20, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_systems.Values.Select(s => s.Terminate())).WaitAsync(Deadline);
        _systems.Clear();
        foreach (var store in LogStores.Values)
        {
            await store.DisposeAsync();
        }
    }
}
