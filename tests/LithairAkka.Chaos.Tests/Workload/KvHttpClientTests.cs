using System.Net;
using System.Net.Sockets;
using System.Text;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Workload;

namespace LithairAkka.Chaos.Tests.Workload;

public class KvHttpClientTests
{
    private static readonly Uri Node = new("http://node.test/");

    private static async Task<KvAnswer> ExecuteAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer, OperationKind kind, long? ifVersion = null, TimeSpan? timeout = null)
    {
        using var http = new HttpClient(new DelegateHandler(answer));
        var client = new KvHttpClient(http, TimeProvider.System, timeout ?? TimeSpan.FromSeconds(10));
        return await client.ExecuteAsync(Node, kind, "a key/1", kind == OperationKind.Get || kind == OperationKind.Delete ? null : "v", ifVersion, CancellationToken.None);
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, string json = "{}") =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    [Fact]
    public async Task ExecuteAsync_Put_SendsTheValueAndReadsTheVersion()
    {
        HttpRequestMessage? seen = null;
        var body = string.Empty;
        var answer = await ExecuteAsync(
            async (request, token) =>
            {
                seen = request;
                body = await request.Content!.ReadAsStringAsync(token);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"key":"a","version":7,"index":3,"term":1}""") };
            },
            OperationKind.ConditionalPut,
            ifVersion: 6);

        Assert.Equal(new KvAnswer(OperationOutcome.Ok, 7, null, null), answer);
        Assert.Equal(HttpMethod.Put, seen!.Method);
        Assert.Equal("/kv/a%20key%2F1", seen.RequestUri!.AbsolutePath);
        Assert.Equal("?if-version=6", seen.RequestUri.Query);
        Assert.Equal("v", body);
    }

    [Fact]
    public async Task ExecuteAsync_Conflict_ReportsTheCurrentVersion() =>
        Assert.Equal(
            new KvAnswer(OperationOutcome.Conflict, 4, null, null),
            await ExecuteAsync(Status(HttpStatusCode.Conflict, """{"error":"version-mismatch","current":4}"""), OperationKind.ConditionalPut, 3));

    [Theory]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task ExecuteAsync_WriteAnsweredWithAServerError_IsIndeterminate(HttpStatusCode status) =>
        Assert.Equal(OperationOutcome.Indeterminate, (await ExecuteAsync(Status(status, """{"error":"outcome-unknown"}"""), OperationKind.Put)).Outcome);

    [Fact]
    public async Task ExecuteAsync_WriteRefusedAsMalformed_Failed() =>
        Assert.Equal(OperationOutcome.Failed, (await ExecuteAsync(Status(HttpStatusCode.BadRequest), OperationKind.Put)).Outcome);

    [Fact]
    public async Task ExecuteAsync_Get_ReadsValueAndVersionHeader()
    {
        var answer = await ExecuteAsync(
            (request, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("hello") };
                response.Headers.Add("X-Version", "3");
                return Task.FromResult(response);
            },
            OperationKind.Get);

        Assert.Equal(new KvAnswer(OperationOutcome.Ok, 3, "hello", null), answer);
    }

    [Fact]
    public async Task ExecuteAsync_GetOfAbsentKey_NotFound() =>
        Assert.Equal(OperationOutcome.NotFound, (await ExecuteAsync(Status(HttpStatusCode.NotFound), OperationKind.Get)).Outcome);

    [Fact]
    public async Task ExecuteAsync_GetAnsweredNoLeader_Failed() =>
        Assert.Equal(OperationOutcome.Failed, (await ExecuteAsync(Status(HttpStatusCode.ServiceUnavailable), OperationKind.Get)).Outcome);

    [Fact]
    public async Task ExecuteAsync_NoAnswerBeforeTheTimeout_IsIndeterminate()
    {
        var answer = await ExecuteAsync(
            async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return new HttpResponseMessage(HttpStatusCode.OK);
            },
            OperationKind.Delete,
            timeout: TimeSpan.FromMilliseconds(50));

        Assert.Equal(OperationOutcome.Indeterminate, answer.Outcome);
        Assert.Equal("timeout", answer.Detail);
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionRefused_FailedWithoutEffect()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();
        var client = new KvHttpClient(http, TimeProvider.System, TimeSpan.FromSeconds(10));

        var answer = await client.ExecuteAsync(new Uri($"http://127.0.0.1:{port}/"), OperationKind.Put, "k", "v", null, CancellationToken.None);

        Assert.Equal(OperationOutcome.Failed, answer.Outcome);
    }

    [Theory]
    [InlineData(OperationKind.Delete)]
    [InlineData(OperationKind.Put)]
    [InlineData(OperationKind.ConditionalPut)]
    public async Task ExecuteAsync_NodeDiesAfterReadingTheWrite_IndeterminateNotRefused(OperationKind kind)
    {
        // The node reads the request, stops listening and closes the connection without an answer, as a node SIGKILLed
        // after forwarding the write to the leader. HttpClient resends a request without content on a new connection;
        // that one is refused, and a write reported refused would be a false definite failure.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var node = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer);
            listener.Stop();
            socket.Shutdown(SocketShutdown.Both);
            return Encoding.ASCII.GetString(buffer, 0, received);
        });
        using var http = new HttpClient();
        var client = new KvHttpClient(http, TimeProvider.System, TimeSpan.FromSeconds(30));

        var answer = await client.ExecuteAsync(new Uri($"http://127.0.0.1:{port}/"), kind, "k", kind == OperationKind.Delete ? null : "v", kind == OperationKind.ConditionalPut ? 1 : null, CancellationToken.None);

        Assert.StartsWith(kind == OperationKind.Delete ? "DELETE /kv/k" : "PUT /kv/k", await node, StringComparison.Ordinal);
        Assert.Equal(OperationOutcome.Indeterminate, answer.Outcome);
    }

    private sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(request, cancellationToken);
    }
}
