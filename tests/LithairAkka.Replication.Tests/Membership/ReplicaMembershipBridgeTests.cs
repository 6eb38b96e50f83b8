using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Membership;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.Membership;

/// <summary>Groups in one system; cluster events are fed to the bridges directly, member addresses map to local groups.</summary>
public sealed class ReplicaMembershipBridgeTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly Dictionary<NodeId, IActorRef> _groups = [];
    private readonly Dictionary<NodeId, IActorRef> _bridges = [];
    private readonly List<ILogStore> _stores = [];

    private static Address AddressOf(long node) => new("akka.tcp", "replicas", "10.0.0." + node.ToString(CultureInfo.InvariantCulture), 2552);

    private static Member Up(long node, params string[] extraRoles) =>
        Member.Create(new UniqueAddress(AddressOf(node), node), 1, MemberStatus.Up,
            ["replica", "node-id-" + node.ToString(CultureInfo.InvariantCulture), .. extraRoles]);

    private void StartGroups(int count, ReplicationSettings? settings = null)
    {
        var initial = Configuration.OfVoters(new NodeId(1), new NodeId(2), new NodeId(3));
        for (var i = 1; i <= count; i++)
        {
            var node = new NodeId(i);
            var store = new InMemoryLogStore();
            _stores.Add(store);
            var options = new ReplicaGroupOptions(
                node, new GroupId(1), initial, store, new InMemorySnapshotStore(),
                Props.Create(() => new KeyValueStateMachine()), settings ?? new ReplicationSettings());
            _groups[node] = Sys.ActorOf(ReplicaGroup.Props(options), "group-" + i.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var node in _groups.Keys)
        {
            var options = new MembershipBridgeOptions(node, _groups[node], "/user/unused")
            {
                ReconcileInterval = TimeSpan.FromMilliseconds(100),
                ResolvePeer = address => _groups[new NodeId(long.Parse(address.Host!.Split('.')[3], CultureInfo.InvariantCulture))],
            };
            _bridges[node] = Sys.ActorOf(ReplicaMembershipBridge.Props(options), "bridge-" + node.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Publish(object clusterEvent, IEnumerable<NodeId>? to = null)
    {
        foreach (var node in to ?? _bridges.Keys)
        {
            _bridges[node].Tell(clusterEvent);
        }
    }

    private static ClusterEvent.CurrentClusterState StateOf(params Member[] members) =>
        ClusterEvent.CurrentClusterState.Empty with { Members = ImmutableSortedSet.Create(Member.Ordering, members) };

    private async Task<RaftStatus?> StatusAsync(NodeId node) =>
        await _groups[node].Ask(GetGroupStatus.Instance, AskTimeout) as RaftStatus;

    private async Task<RaftStatus> AwaitLeaderAsync(IEnumerable<NodeId> among, Func<RaftStatus, bool>? also = null)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            foreach (var node in among)
            {
                if (await StatusAsync(node) is { Role: NodeRole.Leader } status && (also is null || also(status)))
                {
                    return status;
                }
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>Writes through whichever of <paramref name="among"/> leads, retrying redirects (with a request id) until the deadline.</summary>
    private async Task<ProposeSucceeded> WriteAsync(IEnumerable<NodeId> among, string key)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var propose = new Propose(new KvPut(key, Encoding.UTF8.GetBytes("v")).Encode(), new ClientRequest("writer-" + key, 1));
        while (true)
        {
            cts.Token.ThrowIfCancellationRequested();
            var leader = (await AwaitLeaderAsync(among)).Node;
            if (await _groups[leader].Ask(propose, AskTimeout) is ProposeSucceeded ok)
            {
                return ok;
            }
        }
    }

    [Fact]
    public void NodeIdOf_NodeIdRole_ParsedElseNull()
    {
        Assert.Equal(new NodeId(12), ReplicaMembershipBridge.NodeIdOf(Up(12)));
        Assert.Null(ReplicaMembershipBridge.NodeIdOf(Member.Create(new UniqueAddress(AddressOf(1), 1), ["replica", "node-id-x"])));
    }

    [Fact]
    public async Task MemberUp_NewReplica_JoinsAsLearnerCatchesUpAndIsPromoted()
    {
        StartGroups(4);
        var founders = new[] { new NodeId(1), new NodeId(2), new NodeId(3) };
        Publish(StateOf(Up(1), Up(2), Up(3)));
        ProposeSucceeded last = null!;
        for (var i = 0; i < 30; i++)
        {
            last = await WriteAsync(founders, "k" + i);
        }

        Publish(new ClusterEvent.MemberUp(Up(4)));

        var promoted = await AwaitLeaderAsync(founders, s => s.Configuration.IsVoter(new NodeId(4)));
        Assert.Empty(promoted.Configuration.Learners);
        using var cts = new CancellationTokenSource(Deadline);
        while ((await _groups[new NodeId(4)].Ask<SnapshotTaken>(new TakeSnapshot(), AskTimeout)).AppliedIndex < last.Index)
        {
            await Task.Delay(20, cts.Token);
        }

        // A linearizable read on the joined replica (it asks the leader for the read index); a leader change may
        // fail one attempt.
        object joined;
        while ((joined = await _groups[new NodeId(4)].Ask(new Read(new KvGet("k29")), AskTimeout)) is not QueryResult)
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.True(Assert.IsType<KvEntry>(((QueryResult)joined).Result).Exists);
    }

    [Fact]
    public async Task MemberDowned_Follower_RemovedFromConfiguration()
    {
        StartGroups(3);
        var all = _groups.Keys.ToArray();
        Publish(StateOf(Up(1), Up(2), Up(3)));
        var leader = (await AwaitLeaderAsync(all)).Node;
        var victim = all.First(n => n != leader);

        Publish(new ClusterEvent.MemberDowned(Up(victim.Value).Copy(MemberStatus.Down)));

        var after = await AwaitLeaderAsync(all, s => !s.Configuration.Contains(victim));
        Assert.Equal(2, after.Configuration.Voters.Length);
        Assert.NotNull(await WriteAsync(all.Where(n => n != victim), "still-writable"));
    }

    [Fact]
    public async Task UnreachableMember_LeaderGone_FollowersElectBeforeTheirElectionTimeout()
    {
        var slow = new ReplicationSettings
        {
            ElectionTimeoutMin = TimeSpan.FromSeconds(3),
            ElectionTimeoutMax = TimeSpan.FromSeconds(4),
        };
        StartGroups(3, slow);
        var all = _groups.Keys.ToArray();
        Publish(StateOf(Up(1), Up(2), Up(3)));
        var old = await AwaitLeaderAsync(all);
        var survivors = all.Where(n => n != old.Node).ToArray();
        await AwaitLeaderAsync(all, s => s.Followers.Count(f => f.RecentActive) >= 2);

        Sys.Stop(_groups[old.Node]);
        Publish(new ClusterEvent.UnreachableMember(Up(old.Node.Value)), survivors);

        // Without the fast path no survivor may campaign before 3 s of silence.
        var elected = await AwaitLeaderAsync(survivors).WaitAsync(TimeSpan.FromSeconds(2.5));
        Assert.True(elected.Term > old.Term);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (var store in _stores)
            {
                store.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            }
        }
    }
}
