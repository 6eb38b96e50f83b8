using LithairAkka.Actors;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Examples.Ledger.Tests;

/// <summary>Three replica groups running the ledger in one actor system, with per-node in-memory stores that survive a stop.</summary>
internal sealed class LedgerCluster : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);
    private readonly ActorSystem _system;
    private readonly Dictionary<NodeId, IActorRef> _live = [];
    private readonly Dictionary<NodeId, int> _generation = [];
    private readonly Dictionary<NodeId, ILogStore> _logs = [];
    private readonly Dictionary<NodeId, ISnapshotStore> _snapshots = [];
    private readonly ReplicationSettings _settings;

    public LedgerCluster(ActorSystem system, ReplicationSettings settings)
    {
        _system = system;
        _settings = settings;
        Nodes = [new NodeId(1), new NodeId(2), new NodeId(3)];
        foreach (var node in Nodes)
        {
            _logs[node] = new InMemoryLogStore();
            _snapshots[node] = new InMemorySnapshotStore();
        }
    }

    public NodeId[] Nodes { get; }

    public IActorRef this[NodeId node] => _live[node];

    public void Start(NodeId node)
    {
        var generation = _generation[node] = _generation.GetValueOrDefault(node) + 1;
        var options = new ReplicaGroupOptions(
            node, new GroupId(1), Configuration.OfVoters(Nodes), _logs[node], _snapshots[node], Props.Create<LedgerStateMachine>(), _settings);
        _live[node] = _system.ActorOf(ReplicaGroup.Props(options), $"ledger-{node.Value}-{generation}");
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

    /// <summary>Waits until exactly one live node leads and every live node knows it.</summary>
    public async Task<NodeId> AwaitLeaderAsync()
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var statuses = new List<RaftStatus>();
            foreach (var group in _live.Values.ToArray())
            {
                try
                {
                    // A group still recovering answers something else: counted as not agreeing yet.
                    if (await group.Ask(GetGroupStatus.Instance, AskTimeout) is RaftStatus status)
                    {
                        statuses.Add(status);
                    }
                }
                catch (AskTimeoutException)
                {
                    // Busy or stopping: counted as not agreeing yet.
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

    /// <summary>Proposes <paramref name="command"/> through the leader, retrying redirects and timeouts until the deadline.</summary>
    public async Task<(LedgerResult Result, ProposeSucceeded Entry)> WriteAsync(LedgerCommand command, ClientRequest? request = null)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            cts.Token.ThrowIfCancellationRequested();
            var leader = await AwaitLeaderAsync();
            try
            {
                if (await _live[leader].Ask(new Propose(command.Encode(), request), AskTimeout) is ProposeSucceeded ok)
                {
                    return (LedgerResult.Decode(ok.Result), ok);
                }
            }
            catch (AskTimeoutException)
            {
                // Retried: with a client request the ledger applies it once.
            }
        }
    }

    /// <summary>Asks <paramref name="node"/> <paramref name="query"/> at <paramref name="consistency"/>; the answer's bytes.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(NodeId node, LedgerQuery query, ReadConsistency consistency)
    {
        var answer = await _live[node].Ask(new Read(new BinaryQuery(query.Encode()), consistency), AskTimeout);
        return Assert.IsType<BinaryQueryResult>(Assert.IsType<QueryResult>(answer).Result).Result;
    }

    /// <summary>Waits until every live node applied at least <paramref name="index"/>; their snapshots.</summary>
    public async Task<Dictionary<NodeId, SnapshotTaken>> AwaitAppliedAsync(long index)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var states = new Dictionary<NodeId, SnapshotTaken>();
            foreach (var (node, group) in _live.ToArray())
            {
                states[node] = await group.Ask<SnapshotTaken>(new TakeSnapshot(), AskTimeout);
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

        foreach (var store in _logs.Values)
        {
            await store.DisposeAsync();
        }
    }
}
