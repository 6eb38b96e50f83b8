using System.Net;
using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class HttpFaultInjectionTests
{
    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add($"{request.Method} {request.RequestUri}");
            }

            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    [Fact]
    public async Task PartitionAsync_BlackholesEveryCrossPairOnBothSides()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        using var http = new HttpClient(handler);

        await new HttpFaultInjection(http, 3).PartitionAsync([0], [1, 2], CancellationToken.None);

        Assert.Equal(
            [
                "POST http://127.0.0.1:8558/_fault/blackhole?peer=127.0.0.1:4054&direction=both",
                "POST http://127.0.0.1:8559/_fault/blackhole?peer=127.0.0.1:4053&direction=both",
                "POST http://127.0.0.1:8558/_fault/blackhole?peer=127.0.0.1:4055&direction=both",
                "POST http://127.0.0.1:8560/_fault/blackhole?peer=127.0.0.1:4053&direction=both",
            ],
            handler.Requests);
    }

    [Fact]
    public async Task HealAsync_AsksEveryNode()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        using var http = new HttpClient(handler);

        await new HttpFaultInjection(http, 3, managementBase: 9000).HealAsync(CancellationToken.None);

        Assert.Equal(["POST http://127.0.0.1:9000/_fault/heal", "POST http://127.0.0.1:9001/_fault/heal", "POST http://127.0.0.1:9002/_fault/heal"], handler.Requests);
    }

    [Fact]
    public async Task HealAsync_FaultInjectionOff_TriesEveryNodeThenFailsNamingThem()
    {
        var handler = new RecordingHandler(HttpStatusCode.NotFound);
        using var http = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => new HttpFaultInjection(http, 2).HealAsync(CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("node 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }
}
