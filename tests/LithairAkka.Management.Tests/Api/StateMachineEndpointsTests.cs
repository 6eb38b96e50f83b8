using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Actors;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Hosting;
using LithairAkka.Management.Settings;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Management.Tests.Api;

public sealed class StateMachineEndpointsTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly NodeId One = new(1);

    /// <summary>One node running <see cref="CounterStateMachine"/>, its data server on port 0.</summary>
    private async Task<(NodeHttpServers Servers, HttpClient Data)> StartCounterAsync(long maxValueSize = 1024)
    {
        var options = new ReplicaGroupOptions(
            One, new GroupId(1), Configuration.OfVoters([One]), new InMemoryLogStore(), new InMemorySnapshotStore(), Props.Create<CounterStateMachine>(), new ReplicationSettings());
        var group = Sys.ActorOf(ReplicaGroup.Props(options), "counter-" + Guid.NewGuid().ToString("N"));
        var servers = new NodeHttpServers(new NodeHttpOptions(
            new GroupDirectory(One, group, "node-1"), new HttpSettings { Port = 0, MaxValueSize = maxValueSize }, new ManagementSettings { Port = 0 })
        {
            ServesKeyValue = false,
        });
        await servers.StartAsync(CancellationToken.None);
        return (servers, new HttpClient { BaseAddress = servers.DataAddress, Timeout = HttpNode.Deadline });
    }

    private static async Task StopAsync(NodeHttpServers servers, HttpClient data)
    {
        data.Dispose();
        await servers.StopAsync(CancellationToken.None);
        await servers.DisposeAsync();
    }

    private static long Total(byte[] body) => BinaryPrimitives.ReadInt64LittleEndian(body);

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();

    [Fact]
    public async Task Commands_CustomStateMachine_AnswerResultBytesWithIndexAndTerm()
    {
        var (servers, data) = await StartCounterAsync();
        try
        {
            using var first = await data.PostAsync("/commands", new ByteArrayContent(CounterStateMachine.Amount(5)));
            using var second = await data.PostAsync("/commands", new ByteArrayContent(CounterStateMachine.Amount(37)));
            using var query = await data.PostAsync("/queries?consistency=leader", new ByteArrayContent("total"u8.ToArray()));

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal("application/octet-stream", second.Content.Headers.ContentType?.MediaType);
            Assert.Equal(42, Total(await second.Content.ReadAsByteArrayAsync()));
            var firstIndex = long.Parse(first.Headers.GetValues("X-Index").Single(), CultureInfo.InvariantCulture);
            var secondIndex = long.Parse(second.Headers.GetValues("X-Index").Single(), CultureInfo.InvariantCulture);
            Assert.Equal(firstIndex + 1, secondIndex);
            Assert.True(long.Parse(second.Headers.GetValues("X-Term").Single(), CultureInfo.InvariantCulture) >= 1);
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
            Assert.Equal(42, Total(await query.Content.ReadAsByteArrayAsync()));
            Assert.True(long.Parse(query.Headers.GetValues("X-Index").Single(), CultureInfo.InvariantCulture) >= secondIndex);
        }
        finally
        {
            await StopAsync(servers, data);
        }
    }

    [Fact]
    public async Task Queries_RefusedOrBadConsistency_Answer400()
    {
        var (servers, data) = await StartCounterAsync();
        try
        {
            using var refused = await data.PostAsync("/queries", new ByteArrayContent("balance"u8.ToArray()));
            using var badConsistency = await data.PostAsync("/queries?consistency=eventual", new ByteArrayContent("total"u8.ToArray()));

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("query-rejected", await ErrorOf(refused));
            Assert.Equal(HttpStatusCode.BadRequest, badConsistency.StatusCode);
            Assert.Equal("bad-request", await ErrorOf(badConsistency));
        }
        finally
        {
            await StopAsync(servers, data);
        }
    }

    [Fact]
    public async Task CommandsAndKv_TooLargeOrNotKeyValue_Answer413And501()
    {
        var (servers, data) = await StartCounterAsync(maxValueSize: 16);
        try
        {
            using var large = await data.PostAsync("/commands", new ByteArrayContent(new byte[17]));
            using var put = await data.PutAsync("/kv/key", new ByteArrayContent([1]));
            using var list = await data.GetAsync("/kv?prefix=a");

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
            Assert.Equal("command-too-large", await ErrorOf(large));
            Assert.Equal(HttpStatusCode.NotImplemented, put.StatusCode);
            Assert.Equal("state-machine-not-kv", await ErrorOf(put));
            Assert.Equal(HttpStatusCode.NotImplemented, list.StatusCode);
        }
        finally
        {
            await StopAsync(servers, data);
        }
    }

    [Fact]
    public async Task Commands_OnFollower_ForwardedToTheLeader()
    {
        var nodes = await HttpNode.StartClusterAsync(Sys, 3);
        try
        {
            var leader = await nodes[0].AwaitLeaderAsync();
            var follower = nodes.First(n => n.Id.Value != leader);

            using var response = await follower.Data.PostAsync("/commands", new ByteArrayContent(new KvPut("via-commands", new byte[] { 7 }).Encode()));
            using var query = await follower.Data.PostAsync("/queries", new ByteArrayContent([1]));
            using var get = await follower.Data.GetAsync("/kv/via-commands");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new KvWritten(1), KvResult.Decode(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
            Assert.Equal(new byte[] { 7 }, await get.Content.ReadAsByteArrayAsync());
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
