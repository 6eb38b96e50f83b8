using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Tests.Api;

public sealed class KvEndpointsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly NodeId One = new(1);

    private static StringContent Text(string value) => new(value, Encoding.UTF8, "text/plain");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<HttpNode> StartSingleAsync(HttpSettings? http = null)
    {
        var node = await HttpNode.StartAsync(Sys, One, [One], http);
        await node.AwaitLeaderAsync();
        return node;
    }

    [Fact]
    public async Task Put_NewKey_AnswersKeyVersionIndexTerm()
    {
        await using var node = await StartSingleAsync();

        using var response = await node.Data.PutAsync("/kv/alpha", Text("one"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["key", "version", "index", "term"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("alpha", body.GetProperty("key").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.True(body.GetProperty("index").GetInt64() >= 1);
        Assert.True(body.GetProperty("term").GetInt64() >= 1);
    }

    [Fact]
    public async Task Get_AfterPut_AnswersValueWithVersionAndIndexHeaders()
    {
        await using var node = await StartSingleAsync();
        using var put = await node.Data.PutAsync("/kv/k%C3%A9y", new ByteArrayContent([0, 1, 2, 255]));
        var index = (await JsonAsync(put)).GetProperty("index").GetInt64();

        foreach (var consistency in new[] { string.Empty, "?consistency=linearizable", "?consistency=leader", "?consistency=follower" })
        {
            using var get = await node.Data.GetAsync("/kv/k%C3%A9y" + consistency);

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(new byte[] { 0, 1, 2, 255 }, await get.Content.ReadAsByteArrayAsync());
            Assert.Equal("1", get.Headers.GetValues("X-Version").Single());
            Assert.True(long.Parse(get.Headers.GetValues("X-Index").Single(), System.Globalization.CultureInfo.InvariantCulture) >= index);
        }
    }

    [Fact]
    public async Task Get_AbsentKey_Answers404()
    {
        await using var node = await StartSingleAsync();

        using var response = await node.Data.GetAsync("/kv/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Put_IfVersionMismatch_Answers409WithCurrentVersion()
    {
        await using var node = await StartSingleAsync();
        (await node.Data.PutAsync("/kv/c", Text("a"))).Dispose();
        (await node.Data.PutAsync("/kv/c", Text("b"))).Dispose();

        using var stale = await node.Data.PutAsync("/kv/c?if-version=1", Text("x"));
        using var absentOnly = await node.Data.PutAsync("/kv/c?if-version=0", Text("x"));
        using var matching = await node.Data.PutAsync("/kv/c?if-version=2", Text("c"));
        using var created = await node.Data.PutAsync("/kv/fresh?if-version=0", Text("c"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = await JsonAsync(stale);
        Assert.Equal("version-mismatch", body.GetProperty("error").GetString());
        Assert.Equal(2, body.GetProperty("current").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, absentOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, matching.StatusCode);
        Assert.Equal(3, (await JsonAsync(matching)).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Fact]
    public async Task Delete_ExistingKey_AnswersIndexTermAndRemovesIt()
    {
        await using var node = await StartSingleAsync();
        (await node.Data.PutAsync("/kv/gone", Text("v"))).Dispose();

        using var delete = await node.Data.DeleteAsync("/kv/gone");
        using var get = await node.Data.GetAsync("/kv/gone");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(["index", "term"], (await JsonAsync(delete)).EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task List_Prefix_AnswersMatchingKeysInOrderUpToLimit()
    {
        await using var node = await StartSingleAsync();
        foreach (var key in new[] { "b2", "a1", "b1", "b3" })
        {
            (await node.Data.PutAsync("/kv/" + key, Text(key))).Dispose();
        }

        using var response = await node.Data.GetAsync("/kv?prefix=b&limit=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await JsonAsync(response)).EnumerateArray().ToArray();
        Assert.Equal(["b1", "b2"], items.Select(i => i.GetProperty("key").GetString()));
        Assert.All(items, i => Assert.Equal(1, i.GetProperty("version").GetInt64()));
        Assert.Equal("true", response.Headers.GetValues("X-Truncated").Single());
    }

    [Theory]
    [InlineData("PUT", "/kv/k?if-version=abc")]
    [InlineData("PUT", "/kv/k?if-version=-1")]
    [InlineData("GET", "/kv/k?consistency=eventual")]
    [InlineData("GET", "/kv?limit=0")]
    [InlineData("GET", "/kv?limit=x")]
    [InlineData("DELETE", "/kv/k?if-version=1.5")]
    [InlineData("PUT", "/kv/%01")]
    public async Task Request_MalformedParameter_Answers400WithError(string method, string uri)
    {
        await using var node = await StartSingleAsync();

        using var response = await node.Data.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri) { Content = Text("v") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("bad-request", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Put_KeyOver1024Bytes_Answers400()
    {
        await using var node = await StartSingleAsync();

        using var longest = await node.Data.PutAsync("/kv/" + new string('k', 1024), Text("v"));
        using var tooLong = await node.Data.PutAsync("/kv/" + new string('k', 1025), Text("v"));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Put_ValueOverMaxValueSize_Answers413()
    {
        await using var node = await StartSingleAsync(new HttpSettings { Port = 0, MaxValueSize = 16 });

        using var fits = await node.Data.PutAsync("/kv/v", new ByteArrayContent(new byte[16]));
        using var tooBig = await node.Data.PutAsync("/kv/v", new ByteArrayContent(new byte[17]));
        var chunked = new StreamContent(new MemoryStream(new byte[100]));
        using var tooBigChunked = await node.Data.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/kv/v") { Content = chunked, Headers = { TransferEncodingChunked = true } });

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("value-too-large", (await JsonAsync(tooBig)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBigChunked.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownRoute_Answers404()
    {
        await using var node = await StartSingleAsync();

        using var response = await node.Data.GetAsync("/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Put_NoLeaderEver_Answers503NoLeaderAfterLeaderWait()
    {
        // Voters 1, 2 and 3, but only node 1 runs: it can never be elected.
        var http = new HttpSettings { Port = 0, LeaderWait = TimeSpan.FromMilliseconds(300) };
        await using var node = await HttpNode.StartAsync(Sys, One, [One, new NodeId(2), new NodeId(3)], http);

        using var put = await node.Data.PutAsync("/kv/x", Text("v"));
        using var get = await node.Data.GetAsync("/kv/x");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode);
        Assert.Equal("no-leader", (await JsonAsync(put)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
    }

    [Fact]
    public async Task PutGet_ThroughEveryNodeOfThree_ForwardsToLeaderAndReadsEverywhere()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leader = await nodes[0].AwaitLeaderAsync();
            foreach (var node in nodes)
            {
                await node.AwaitLeaderAsync();
                using var put = await node.Data.PutAsync("/kv/from-" + node.Id.Value, Text("v" + node.Id.Value));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            foreach (var node in nodes)
            {
                foreach (var writer in nodes)
                {
                    using var get = await node.Data.GetAsync("/kv/from-" + writer.Id.Value);
                    Assert.Equal(HttpStatusCode.OK, get.StatusCode);
                    Assert.Equal("v" + writer.Id.Value, await get.Content.ReadAsStringAsync());
                }
            }

            Assert.Contains(nodes, n => n.Id.Value == leader);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Put_LeaderLosesQuorumMidCommit_Answers504OutcomeUnknown()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leaderId = await nodes[0].AwaitLeaderAsync();
            var leader = nodes.Single(n => n.Id.Value == leaderId);
            foreach (var follower in nodes.Where(n => n != leader))
            {
                Sys.Stop(follower.Group);
            }

            // The leader appends the write but cannot commit it; check-quorum makes it step down, failing the write.
            using var put = await leader.Data.PutAsync("/kv/lost", Text("v"));

            Assert.Equal(HttpStatusCode.GatewayTimeout, put.StatusCode);
            Assert.Equal("outcome-unknown", (await JsonAsync(put)).GetProperty("error").GetString());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }
}
