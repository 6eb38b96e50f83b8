using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Hosting;
using LithairAkka.Management.Settings;
using LithairAkka.Persistence.Log;
using LithairAkka.Remote.Transport.FaultInjection;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Management.Tests;

/// <summary>One in-process node: a ReplicaGroup (in-memory stores) and its two Kestrel servers on port 0.</summary>
internal sealed class HttpNode : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private HttpNode(NodeId id, IActorRef group, GroupDirectory directory, NodeHttpServers servers)
    {
        Id = id;
        Group = group;
        Directory = directory;
        Servers = servers;
        Data = new HttpClient { BaseAddress = servers.DataAddress, Timeout = Deadline };
        Management = new HttpClient { BaseAddress = servers.ManagementAddress, Timeout = Deadline };
    }

    public NodeId Id { get; }

    public IActorRef Group { get; }

    public GroupDirectory Directory { get; }

    public NodeHttpServers Servers { get; }

    public HttpClient Data { get; }

    public HttpClient Management { get; }

    /// <summary>Starts node <paramref name="id"/> of a group whose voters are <paramref name="voters"/>.</summary>
    public static async Task<HttpNode> StartAsync(
        ActorSystem system,
        NodeId id,
        NodeId[] voters,
        HttpSettings? http = null,
        ManagementSettings? management = null,
        Func<FaultInjector?>? faults = null,
        ReplicationSettings? replication = null,
        Func<CancellationToken, Task<string?>>? readiness = null,
        ReachabilityObserver? membership = null)
    {
        var options = new ReplicaGroupOptions(
            id,
            new GroupId(1),
            Configuration.OfVoters(voters),
            new InMemoryLogStore(),
            new InMemorySnapshotStore(),
            Props.Create(() => new KeyValueStateMachine()),
            replication ?? new ReplicationSettings());
        var group = system.ActorOf(ReplicaGroup.Props(options), $"group-{id.Value}-{Guid.NewGuid():N}");
        var directory = new GroupDirectory(id, group, "node-" + id.Value);
        http ??= new HttpSettings { Port = 0 };
        management ??= new ManagementSettings { Port = 0 };
        var servers = new NodeHttpServers(new NodeHttpOptions(directory, http, management)
        {
            Faults = faults ?? (() => null),
            ReadinessCheck = readiness ?? (_ => Task.FromResult<string?>(null)),
            Membership = membership,
        });
        await servers.StartAsync(CancellationToken.None);
        return new HttpNode(id, group, directory, servers);
    }

    /// <summary>Starts a group of <paramref name="size"/> voters 1..size, each knowing the others' refs.</summary>
    public static async Task<HttpNode[]> StartClusterAsync(ActorSystem system, int size, HttpSettings? http = null, ReplicationSettings? replication = null)
    {
        var voters = Enumerable.Range(1, size).Select(i => new NodeId(i)).ToArray();
        var nodes = new HttpNode[size];
        for (var i = 0; i < size; i++)
        {
            nodes[i] = await StartAsync(system, voters[i], voters, http, replication: replication);
        }

        foreach (var node in nodes)
        {
            node.Directory.SetPeers(nodes.Select(n => new Peer(n.Id, n.Group, "node-" + n.Id.Value)));
        }

        return nodes;
    }

    /// <summary>Waits until this node's <c>/ready</c> answers 200 and returns the leader it names.</summary>
    public async Task<long> AwaitLeaderAsync()
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            using var response = await Management.GetAsync("/ready", cts.Token);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
                return body.GetProperty("leader").GetInt64();
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(20, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Data.Dispose();
        Management.Dispose();
        await Servers.StopAsync(CancellationToken.None);
        await Servers.DisposeAsync();
    }
}
