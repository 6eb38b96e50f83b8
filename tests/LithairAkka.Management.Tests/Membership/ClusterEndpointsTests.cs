using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Tests.Membership;

/// <summary>The <c>/cluster/*</c> and <c>/bootstrap/seed-nodes</c> routes against real clustered actor systems on port 0.</summary>
public sealed class ClusterEndpointsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private const string ClusterConfig = """
        akka.actor.provider = cluster
        akka.loglevel = WARNING
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster {
          roles = ["replica", "node-id-1"]
          seed-node-timeout = 1s
          retry-unsuccessful-join-after = 1s
          periodic-tasks-initial-delay = 100ms
          gossip-interval = 200ms
          leader-actions-interval = 200ms
          unreachable-nodes-reaper-interval = 200ms
          failure-detector.heartbeat-interval = 200ms
        }
        akka.coordinated-shutdown.phases {
          cluster-leave.timeout = 3s
          cluster-exiting.timeout = 3s
        }
        """;

    private static readonly NodeId One = new(1);
    private static readonly ManagementSettings Writable = new() { Port = 0, RouteProvidersReadOnly = false };

    public ClusterEndpointsTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(ClusterConfig, output)
    {
        Membership = new ReachabilityObserver(Sys);
    }

    private ReachabilityObserver Membership { get; }

    private Address Self => Membership.Cluster.SelfAddress;

    [Fact]
    public async Task Members_SingleNodeCluster_ListsSelfUpAsLeaderAndOldest()
    {
        await using var node = await StartUpAsync();

        var body = await node.Management.GetFromJsonAsync<JsonElement>("/cluster/members");

        Assert.Equal(Self.ToString(), body.GetProperty("selfNode").GetString());
        Assert.Equal(Self.ToString(), body.GetProperty("leader").GetString());
        Assert.Equal(Self.ToString(), body.GetProperty("oldest").GetString());
        var member = Assert.Single(body.GetProperty("members").EnumerateArray());
        Assert.Equal(Self.ToString(), member.GetProperty("node").GetString());
        Assert.Equal(Membership.Cluster.SelfUniqueAddress.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), member.GetProperty("nodeUid").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.Equal(["node-id-1", "replica"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, body.GetProperty("unreachable").GetArrayLength());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Member_SelfAddress_AnswersMember(bool encoded)
    {
        await using var node = await StartUpAsync();
        var path = "/cluster/members/" + (encoded ? Uri.EscapeDataString(Self.ToString()) : $"{Self.Host}:{Self.Port}");

        var member = await node.Management.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(Self.ToString(), member.GetProperty("node").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Member_UnknownAddress_Answers404WithJson()
    {
        await using var node = await StartUpAsync();

        using var response = await node.Management.GetAsync("/cluster/members/127.0.0.1:1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("member-not-found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Member_MalformedAddress_Answers400()
    {
        await using var node = await StartUpAsync();

        using var response = await node.Management.GetAsync("/cluster/members/no-port-here");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-address", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Mutations_ReadOnlyByDefault_Answer403()
    {
        await using var node = await StartUpAsync(new ManagementSettings { Port = 0 });
        var self = "/cluster/members/" + Uri.EscapeDataString(Self.ToString());

        using var join = await node.Management.PostAsync("/cluster/members", Form("address", Self.ToString()));
        using var put = await node.Management.PutAsync(self, Form("operation", "Down"));
        using var delete = await node.Management.DeleteAsync(self);

        Assert.All([join, put, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(MemberStatus.Up, Membership.Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task Mutations_AdminTokenSet_RequireIt()
    {
        await using var node = await StartUpAsync(Writable, new HttpSettings { Port = 0, AdminToken = "s3cret" });
        var path = "/cluster/members/" + Uri.EscapeDataString(Self.ToString());

        using var without = await node.Management.PutAsync(path, Form("operation", "bogus"));
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Form("operation", "bogus") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var with = await node.Management.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, with.StatusCode);
    }

    [Fact]
    public async Task Join_MalformedAddress_Answers400()
    {
        await using var node = await StartUpAsync(Writable);

        using var response = await node.Management.PostAsync("/cluster/members", Form("address", "akka.tcp://"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ready_MemberNotUpYet_Answers503ThenUp_Answers200()
    {
        await using var node = await HttpNode.StartAsync(Sys, One, [One], membership: Membership);
        using var before = await node.Management.GetAsync("/ready");
        var reason = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString();

        Membership.Cluster.Join(Self);
        var leader = await node.AwaitLeaderAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains(reason, new[] { "not-up", "recovering", "no-leader" });
        Assert.Equal(1, leader);
        Assert.Equal(MemberStatus.Up, Membership.Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task SeedNodes_SingleNodeCluster_ListsSelf()
    {
        await using var node = await StartUpAsync();

        var body = await node.Management.GetFromJsonAsync<JsonElement>("/bootstrap/seed-nodes");

        Assert.Equal(Self.ToString(), body.GetProperty("selfNode").GetString());
        Assert.Equal(Self.ToString(), Assert.Single(body.GetProperty("seedNodes").EnumerateArray()).GetProperty("node").GetString());
    }

    [Fact]
    public async Task JoinThenDown_TwoNodes_MembershipFollows()
    {
        await using var first = await StartUpAsync(Writable);
        var system = ActorSystem.Create(Sys.Name, Sys.Settings.Config);
        using var secondMembership = new ReachabilityObserver(system);
        await using var second = await HttpNode.StartAsync(system, new NodeId(2), [new NodeId(2)], management: Writable, membership: secondMembership);
        var secondAddress = secondMembership.Cluster.SelfAddress.ToString();

        using var join = await second.Management.PostAsync("/cluster/members", Form("address", Self.ToString()));
        await AwaitMembersAsync(first, body => body.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up") == 2);
        using var down = await first.Management.PutAsync("/cluster/members/" + Uri.EscapeDataString(secondAddress), Form("operation", "Down"));
        await AwaitMembersAsync(first, body => body.GetProperty("members").GetArrayLength() == 1);

        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        Assert.Equal($"Joining {Self}", (await join.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal($"Downing {secondAddress}", (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        // A downed member shuts its actor system down (run-coordinated-shutdown-when-down).
        await system.WhenTerminated.WaitAsync(HttpNode.Deadline);
    }

    private static FormUrlEncodedContent Form(string name, string value) => new([new KeyValuePair<string, string>(name, value)]);

    private static async Task AwaitMembersAsync(HttpNode node, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + HttpNode.Deadline;
        while (true)
        {
            var body = await node.Management.GetFromJsonAsync<JsonElement>("/cluster/members");
            if (condition(body))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The membership did not reach the expected state: " + body);
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(50);
        }
    }

    // A single-voter node whose cluster member is Up (joined to itself).
    private async Task<HttpNode> StartUpAsync(ManagementSettings? management = null, HttpSettings? http = null)
    {
        var node = await HttpNode.StartAsync(Sys, One, [One], http, management, membership: Membership);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Membership.Cluster.RegisterOnMemberUp(up.SetResult);
        Membership.Cluster.Join(Self);
        await up.Task.WaitAsync(HttpNode.Deadline);
        return node;
    }
}
