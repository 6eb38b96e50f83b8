using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace LithairAkka.Chaos.Tests.Cluster;

/// <summary>
/// The README's main job end to end, through <c>ops/cluster.sh</c> itself: every node ready, writes through every
/// node, the same reads everywhere, the leader killed, writes continuing after re-election with no acknowledged
/// write lost, the old leader restarted and caught up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterScriptEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);
    private readonly ITestOutputHelper _output;

    public ClusterScriptEndToEndTests(ITestOutputHelper output) => _output = output;

    [Fact]
    [Trait("Category", "Chaos")]
    public async Task Up_WriteEverywhereKillLeaderRestartIt_NoAcknowledgedWriteLostAndItCatchesUp()
    {
        await using var cluster = await TestCluster.StartAsync(3, _output);
        using var deadline = new CancellationTokenSource(Deadline);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var control = cluster.Control(http);
        var acknowledged = new Dictionary<string, string>();

        for (var node = 0; node < 3; node++)
        {
            await PutAsync(http, cluster.DataAddresses[node], "before-" + node, acknowledged, deadline.Token);
        }

        await AssertReadableAsync(http, cluster.DataAddresses, acknowledged, "linearizable", deadline.Token);

        var leader = await control.FindLeaderAsync(deadline.Token) ?? throw new InvalidOperationException("no leader after up");
        await control.KillAsync(leader, deadline.Token);
        var survivors = Enumerable.Range(0, 3).Where(i => i != leader).Select(i => cluster.DataAddresses[i]).ToList();
        for (var n = 0; n < 20; n++)
        {
            await PutAsync(http, survivors[n % 2], string.Create(CultureInfo.InvariantCulture, $"after-{n}"), acknowledged, deadline.Token);
        }

        await AssertReadableAsync(http, survivors, acknowledged, "linearizable", deadline.Token);

        await control.StartAsync(leader, deadline.Token);

        // Caught up: its own local state (a follower read) holds every acknowledged write.
        await AssertReadableAsync(http, [cluster.DataAddresses[leader]], acknowledged, "follower", deadline.Token);
        await AssertReadableAsync(http, cluster.DataAddresses, acknowledged, "linearizable", deadline.Token);
    }

    // Retries until the write is acknowledged (a 503 during the election is expected), within the deadline.
    private static async Task PutAsync(HttpClient http, Uri node, string key, Dictionary<string, string> acknowledged, CancellationToken token)
    {
        var value = "value-of-" + key;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            try
            {
                using var put = await http.PutAsync(new Uri(node, "kv/" + key), new StringContent(value), token);
                if (put.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[key] = value;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not answered: try again.
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                // The request timed out: try again (a put of the same value is idempotent for this check).
            }

            // Retry interval while a leader is elected, bounded by the deadline.
            await Task.Delay(100, token);
        }
    }

    private static async Task AssertReadableAsync(HttpClient http, IEnumerable<Uri> nodes, Dictionary<string, string> expected, string consistency, CancellationToken token)
    {
        foreach (var node in nodes)
        {
            foreach (var (key, value) in expected)
            {
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    try
                    {
                        using var get = await http.GetAsync(new Uri(node, "kv/" + key + "?consistency=" + consistency), token);
                        if (get.StatusCode == HttpStatusCode.OK)
                        {
                            Assert.Equal(value, await get.Content.ReadAsStringAsync(token));
                            break;
                        }

                        // A linearizable read of an acknowledged write never misses it; a follower read may until the
                        // node caught up (404), and either may find no leader for a moment (503).
                        var waiting = get.StatusCode == HttpStatusCode.ServiceUnavailable
                            || (get.StatusCode == HttpStatusCode.NotFound && consistency == "follower");
                        Assert.True(waiting, $"GET {key} ({consistency}) on {node}: {get.StatusCode}");
                    }
                    catch (HttpRequestException)
                    {
                        // A restarting node refuses connections for a moment.
                    }
                    catch (TaskCanceledException) when (!token.IsCancellationRequested)
                    {
                        // Timed out: ask again.
                    }

                    // Poll interval of a condition wait bounded by the deadline.
                    await Task.Delay(100, token);
                }
            }
        }
    }
}
