using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Tests.Api;

public sealed class RaftEndpointsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static async Task DisposeAllAsync(IEnumerable<HttpNode> nodes)
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>Waits until the leader reports every follower healthy, so the health fields are settled.</summary>
    private static async Task<JsonElement> AwaitHealthyFollowersAsync(HttpNode leader, int count)
    {
        using var cts = new CancellationTokenSource(HttpNode.Deadline);
        while (true)
        {
            var health = await GetJsonAsync(leader.Data, "/_raft/health");
            var followers = health.GetProperty("followers");
            if (followers.EnumerateObject().Count() == count && followers.EnumerateObject().All(f => f.Value.GetString() == "healthy"))
            {
                return health;
            }

            await Task.Delay(20, cts.Token);
        }
    }

    [Fact]
    public async Task Health_Leader_AnswersLithairShapeWithFollowersByAddress()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leaderId = await nodes[0].AwaitLeaderAsync();
            var leader = nodes.Single(n => n.Id.Value == leaderId);
            (await leader.Data.PutAsync("/kv/k", new StringContent("v"))).Dispose();

            var health = await AwaitHealthyFollowersAsync(leader, 2);

            Assert.Equal(["node_id", "state", "term", "commit_index", "last_applied", "followers"], Names(health));
            Assert.Equal(leaderId, health.GetProperty("node_id").GetInt64());
            Assert.Equal("Leader", health.GetProperty("state").GetString());
            Assert.True(health.GetProperty("commit_index").GetInt64() >= 2);
            Assert.Equal(
                nodes.Where(n => n != leader).Select(n => "node-" + n.Id.Value).Order(),
                health.GetProperty("followers").EnumerateObject().Select(f => f.Name).Order());
            var follower = nodes.First(n => n != leader);
            var followerHealth = await GetJsonAsync(follower.Data, "/_raft/health");
            Assert.Equal("Follower", followerHealth.GetProperty("state").GetString());
            Assert.Empty(followerHealth.GetProperty("followers").EnumerateObject());
        }
        finally
        {
            await DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task SyncStatus_Leader_ListsEveryFollowerWithLithairFields()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leaderId = await nodes[0].AwaitLeaderAsync();
            var leader = nodes.Single(n => n.Id.Value == leaderId);
            await AwaitHealthyFollowersAsync(leader, 2);

            var sync = await GetJsonAsync(leader.Data, "/_raft/sync-status");
            var followerSync = await GetJsonAsync(nodes.First(n => n != leader).Data, "/_raft/sync-status");

            Assert.Equal(["node_id", "is_leader", "commit_index", "followers"], Names(sync));
            Assert.True(sync.GetProperty("is_leader").GetBoolean());
            var followers = sync.GetProperty("followers").EnumerateArray().ToArray();
            Assert.Equal(2, followers.Length);
            Assert.All(followers, f =>
            {
                Assert.Equal(["address", "health", "last_replicated_index", "lag", "last_latency_ms", "consecutive_failures"], Names(f));
                Assert.StartsWith("node-", f.GetProperty("address").GetString(), StringComparison.Ordinal);
                Assert.Equal("healthy", f.GetProperty("health").GetString());
            });
            Assert.False(followerSync.GetProperty("is_leader").GetBoolean());
            Assert.Empty(followerSync.GetProperty("followers").EnumerateArray());
        }
        finally
        {
            await DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task ResyncStats_AnyNode_AnswersCounters()
    {
        var one = new NodeId(1);
        await using var node = await HttpNode.StartAsync(Sys, one, [one]);
        await node.AwaitLeaderAsync();

        var stats = await GetJsonAsync(node.Data, "/_raft/resync_stats");

        Assert.Equal(["node_id", "is_leader", "resync_stats"], Names(stats));
        Assert.True(stats.GetProperty("is_leader").GetBoolean());
        Assert.Equal(["snapshots_created", "send_attempts", "send_successes", "send_failures"], Names(stats.GetProperty("resync_stats")));
        Assert.Equal(0, stats.GetProperty("resync_stats").GetProperty("send_attempts").GetInt64());
    }

    [Fact]
    public async Task TransferLeadership_ToFollower_MakesItLeader()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leaderId = await nodes[0].AwaitLeaderAsync();
            var target = nodes.First(n => n.Id.Value != leaderId);
            var asker = nodes.Last(n => n.Id.Value != leaderId && n != target);

            using var response = await asker.Data.PostAsync($"/_raft/transfer-leadership?target={target.Id.Value}", null);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["success", "leader"], Names(body));
            Assert.True(body.GetProperty("success").GetBoolean());
            Assert.Equal(target.Id.Value, body.GetProperty("leader").GetInt64());
            Assert.Equal("Leader", (await GetJsonAsync(target.Data, "/_raft/health")).GetProperty("state").GetString());
        }
        finally
        {
            await DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task TransferLeadership_NotAVoter_Answers400()
    {
        var one = new NodeId(1);
        await using var node = await HttpNode.StartAsync(Sys, one, [one]);
        await node.AwaitLeaderAsync();

        using var unknown = await node.Data.PostAsync("/_raft/transfer-leadership?target=7", null);
        using var malformed = await node.Data.PostAsync("/_raft/transfer-leadership?target=seven", null);
        using var missing = await node.Data.PostAsync("/_raft/transfer-leadership", null);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("invalid-target", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task TransferLeadership_AdminTokenSet_RequiresBearerToken()
    {
        var one = new NodeId(1);
        await using var node = await HttpNode.StartAsync(Sys, one, [one], new HttpSettings { Port = 0, AdminToken = "s3cret" });
        await node.AwaitLeaderAsync();

        using var none = await node.Data.PostAsync("/_raft/transfer-leadership?target=1", null);
        using var wrong = await node.Data.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_raft/transfer-leadership?target=1")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") },
        });
        using var right = await node.Data.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_raft/transfer-leadership?target=1")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("forbidden", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True((await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean());
    }
}
