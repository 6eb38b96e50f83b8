using BenchmarkDotNet.Attributes;
using LithairAkka.Actors;
using LithairAkka.Benchmarks.LogStore;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Benchmarks.Replication;

/// <summary>
/// Quorum-commit throughput of a three-replica group in one process (the built-in key-value state machine): clients
/// keep <see cref="InFlight"/> proposals outstanding against the leader, each answered after majority commit and
/// apply. With <see cref="Durable"/> each replica has its own <see cref="FileLogStore"/> (fsync per group-commit
/// round, as in production); otherwise in-memory log stores, which isolate the actors' own cost. Reported time is per
/// committed write, so writes/s = 1e9 / Mean(ns); with <c>InFlight = 1</c> it is the commit latency.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls GlobalCleanup, which terminates the system.")]
public class ReplicationCommitBenchmarks
{
    private const int Writes = 4_000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private readonly List<ILogStore> _stores = [];
    private readonly List<string> _directories = [];
    private ActorSystem _system = null!;
    private IActorRef _leader = ActorRefs.Nobody;
    private byte[][] _commands = [];

    /// <summary>Proposals kept outstanding.</summary>
    [Params(1, 64, 512)]
    public int InFlight { get; set; }

    /// <summary>Whether the replicas persist through file log stores (fsync) rather than in memory.</summary>
    [Params(false, true)]
    public bool Durable { get; set; }

    /// <summary>Starts the three groups and waits for a leader (synchronously: the in-process toolchain does not await setups).</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Terminates the system and the stores.</summary>
    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _system = ActorSystem.Create("commit-bench", LithairAkka.Hocon.ConfigurationFactory.ParseString("akka.loglevel = ERROR"));
        var nodes = new[] { new NodeId(1), new NodeId(2), new NodeId(3) };
        var groups = new Dictionary<NodeId, IActorRef>();
        foreach (var node in nodes)
        {
            ILogStore store;
            if (Durable)
            {
                var directory = BenchmarkDirectory.Create("commit-" + node.Value);
                _directories.Add(directory);
                store = await FileLogStore.OpenAsync(new FileLogStoreOptions(directory));
            }
            else
            {
                store = new InMemoryLogStore();
            }

            _stores.Add(store);
            var options = new ReplicaGroupOptions(
                node, new GroupId(1), Configuration.OfVoters(nodes), store, new InMemorySnapshotStore(),
                Props.Create(() => new KeyValueStateMachine()), new ReplicationSettings
                {
                    SnapshotThreshold = 50_000,

                    // etcd's default timeouts: on a loaded machine a stalled fsync must not cost the leader its term.
                    ElectionTimeoutMin = TimeSpan.FromSeconds(1),
                    ElectionTimeoutMax = TimeSpan.FromSeconds(2),
                    HeartbeatInterval = TimeSpan.FromMilliseconds(100),
                });
            groups[node] = _system.ActorOf(ReplicaGroup.Props(options), "g1-" + node.Value);
        }

        foreach (var group in groups.Values)
        {
            group.Tell(new UpdatePeers(groups));
        }

        _commands = Enumerable.Range(0, Writes)
            .Select(i => new KvPut("key-" + (i % 1000), new byte[64]).Encode())
            .ToArray();
        while (true)
        {
            foreach (var group in groups.Values)
            {
                if (await group.Ask(GetGroupStatus.Instance, AskTimeout) is RaftStatus { Role: NodeRole.Leader })
                {
                    _leader = group;
                    return;
                }
            }

            await Task.Delay(50);
        }
    }

    private async Task CleanupAsync()
    {
        await _system.Terminate();
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var directory in _directories)
        {
            BenchmarkDirectory.Delete(directory);
        }

        _stores.Clear();
        _directories.Clear();
    }

    /// <summary>Commits <see cref="Writes"/> key-value writes with <see cref="InFlight"/> outstanding.</summary>
    [Benchmark(OperationsPerInvoke = Writes)]
    public async Task Commit()
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Writes)
            {
                var answer = await _leader.Ask(new Propose(_commands[i]), AskTimeout);
                if (answer is not ProposeSucceeded)
                {
                    throw new InvalidOperationException($"A write failed during the benchmark: {answer}.");
                }
            }
        }));
    }
}
