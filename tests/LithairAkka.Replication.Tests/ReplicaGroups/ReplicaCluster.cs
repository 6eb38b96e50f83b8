using LithairAkka.Actors;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.ReplicaGroups;

/// <summary>Three (or more) ReplicaGroups of group 1 in one actor system, with per-node stores that survive restarts.</summary>
internal sealed class ReplicaCluster : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);
    private readonly ActorSystem _system;
    private readonly Dictionary<NodeId, IActorRef> _live = [];
    private readonly Dictionary<NodeId, int> _generation = [];
    private readonly Configuration _members;

    public ReplicaCluster(ActorSystem system, int size, ReplicationSettings? settings = null, Func<NodeId, ILogStore>? logStores = null)
    {
        _system = system;
        Nodes = Enumerable.Range(1, size).Select(i => new NodeId(i)).ToArray();
        _members = Configuration.OfVoters(Nodes);
        Settings = settings ?? new ReplicationSettings();
        foreach (var node in Nodes)
        {
            LogStores[node] = logStores?.Invoke(node) ?? new InMemoryLogStore();
            SnapshotStores[node] = new InMemorySnapshotStore();
        }
    }

    public NodeId[] Nodes { get; }

    public ReplicationSettings Settings { get; }

    public Dictionary<NodeId, ILogStore> LogStores { get; } = [];

    public Dictionary<NodeId, ISnapshotStore> SnapshotStores { get; } = [];

    public IActorRef this[NodeId node] => _live[node];

    public IEnumerable<NodeId> Live => _live.Keys;

    public void StartAll()
    {
        foreach (var node in Nodes)
        {
            Start(node);
        }
    }

    public void Start(NodeId node)
    {
        var generation = _generation[node] = _generation.GetValueOrDefault(node) + 1;
        var options = new ReplicaGroupOptions(
            node, new GroupId(1), _members, LogStores[node], SnapshotStores[node],
            Props.Create(() => new KeyValueStateMachine()), Settings);
        _live[node] = _system.ActorOf(ReplicaGroup.Props(options), $"{node}-g1-{generation}");
        var peers = new UpdatePeers(new Dictionary<NodeId, IActorRef>(_live));
        foreach (var group in _live.Values)
        {
            group.Tell(peers);
        }
    }

    public void Stop(NodeId node)
    {
        _system.Stop(_live[node]);
        _live.Remove(node);
    }

    public async Task<RaftStatus?> StatusAsync(NodeId node)
    {
        try
        {
            return await _live[node].Ask(GetGroupStatus.Instance, AskTimeout) as RaftStatus;
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Waits until exactly one live node leads and every live node knows it.</summary>
    public async Task<NodeId> AwaitLeaderAsync()
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var statuses = new List<RaftStatus>();
            foreach (var node in _live.Keys.ToArray())
            {
                if (await StatusAsync(node) is { } status)
                {
                    statuses.Add(status);
                }
            }

            var leaders = statuses.Where(s => s.Role == NodeRole.Leader).ToArray();
            if (leaders.Length == 1 && statuses.Count == _live.Count && statuses.All(s => s.Leader == leaders[0].Node && s.Term == leaders[0].Term))
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
            object answer;
            try
            {
                answer = await _live[leader].Ask(new Propose(command.Encode(), request), AskTimeout);
            }
            catch (AskTimeoutException)
            {
                continue;
            }

            if (answer is ProposeSucceeded ok)
            {
                return ok;
            }
        }
    }

    public async Task<object> ReadAsync(NodeId node, object query, ReadConsistency consistency) =>
        await _live[node].Ask(new Read(query, consistency), AskTimeout);

    public async Task<SnapshotTaken> StateOfAsync(NodeId node) =>
        await _live[node].Ask<SnapshotTaken>(new TakeSnapshot(), AskTimeout);

    /// <summary>Waits until every live node applied at least <paramref name="index"/>, then returns their states.</summary>
    public async Task<Dictionary<NodeId, SnapshotTaken>> AwaitAppliedAsync(long index)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var states = new Dictionary<NodeId, SnapshotTaken>();
            foreach (var node in _live.Keys.ToArray())
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
        foreach (var node in _live.Keys.ToArray())
        {
            Stop(node);
        }

        foreach (var store in LogStores.Values)
        {
            await store.DisposeAsync();
        }
    }
}
