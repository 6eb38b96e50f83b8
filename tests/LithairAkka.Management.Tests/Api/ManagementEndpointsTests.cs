using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Management.Settings;
using LithairAkka.Remote;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Management.Tests.Api;

public sealed class ManagementEndpointsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly NodeId One = new(1);

    [Fact]
    public async Task Alive_Always_Answers200()
    {
        await using var node = await HttpNode.StartAsync(Sys, One, [One, new NodeId(2), new NodeId(3)]);

        using var response = await node.Management.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_NoLeader_Answers503ThenLeaderKnown_Answers200()
    {
        await using var lonely = await HttpNode.StartAsync(Sys, One, [One, new NodeId(2), new NodeId(3)]);
        await using var single = await HttpNode.StartAsync(Sys, One, [One]);

        using var notReady = await lonely.Management.GetAsync("/ready");
        var leader = await single.AwaitLeaderAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("not-ready", (await notReady.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, leader);
    }

    [Fact]
    public async Task Metrics_AfterRequests_ExportsReplicationAndHttpSeries()
    {
        await using var node = await HttpNode.StartAsync(Sys, One, [One]);
        await node.AwaitLeaderAsync();
        (await node.Data.PutAsync("/kv/m", new StringContent("v"))).Dispose();
        (await node.Data.GetAsync("/kv/m")).Dispose();

        using var response = await node.Management.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("lithair_raft_commit_index 2", text, StringComparison.Ordinal);
        Assert.Contains("lithair_raft_applied_index ", text, StringComparison.Ordinal);
        Assert.Contains("lithair_raft_is_leader 1", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE lithair_raft_elections_total counter", text, StringComparison.Ordinal);
        Assert.Contains("lithair_snapshot_transfers_total{result=\"attempt\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("lithair_http_requests_total{code=\"200\",method=\"PUT\",route=\"/kv/{key}\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("lithair_http_request_duration_seconds_count{method=\"GET\",route=\"/kv/{key}\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_InjectionOff_Answers404()
    {
        await using var node = await HttpNode.StartAsync(Sys, One, [One]);

        using var response = await node.Management.PostAsync("/_fault/heal", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Fault_InjectionOn_BlackholesDelaysAndHealsPeers()
    {
        var config = ConfigurationFactory.ParseString("akka.actor.provider = remote\nakka.remote.dot-netty.tcp.port = 0");
        using var remote = ActorSystem.Create("fault-test", config);
        try
        {
            var faults = RemoteExtension.Get(remote).Faults;
            await using var node = await HttpNode.StartAsync(
                remote, One, [One], management: new ManagementSettings { Port = 0, FaultInjection = true }, faults: () => faults);

            using var blackhole = await node.Management.PostAsync("/_fault/blackhole?peer=127.0.0.1:4054&direction=send", null);
            using var delay = await node.Management.PostAsync("/_fault/delay?peer=127.0.0.1:4055&ms=50", null);
            var rules = faults.Rules.Count;
            using var badPeer = await node.Management.PostAsync("/_fault/blackhole?peer=nowhere", null);
            using var badDirection = await node.Management.PostAsync("/_fault/blackhole?peer=127.0.0.1:4054&direction=sideways", null);
            using var heal = await node.Management.PostAsync("/_fault/heal", null);

            Assert.Equal(HttpStatusCode.OK, blackhole.StatusCode);
            Assert.Contains("127.0.0.1:4054", (await blackhole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rules").EnumerateObject().Select(p => p.Name));
            Assert.Equal(HttpStatusCode.OK, delay.StatusCode);
            Assert.Equal(2, rules);
            Assert.Equal(HttpStatusCode.BadRequest, badPeer.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badDirection.StatusCode);
            Assert.Equal(HttpStatusCode.OK, heal.StatusCode);
            Assert.Empty(faults.Rules);
        }
        finally
        {
            await remote.Terminate();
        }
    }
}
