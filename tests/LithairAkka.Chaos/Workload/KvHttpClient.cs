using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Workload;

/// <summary>
/// Runs one key-value operation against one node's data API (INTERFACE §4) and classifies the answer: a write whose
/// fate is unknown (timeout, <c>504</c>, <c>503</c>, any other <c>5xx</c>, a connection lost mid-request) is
/// <see cref="OperationOutcome.Indeterminate"/>; a refused connection or a <c>4xx</c> other than <c>409</c> is
/// <see cref="OperationOutcome.Failed"/>. Reads use <c>consistency=linearizable</c>.
/// A delete carries an empty body on purpose: <see cref="HttpClient"/> silently sends a request without content again
/// on a new connection when the first one closes before any answer, so a delete that reached a node which then died
/// (after forwarding it to the leader) came back as "connection refused", the retry's error, a false definite failure
/// the checker rightly rejected (chaos run 101). Once a request's content is sent it is never retried.
/// </summary>
/// <remarks>Thread-safe (the <see cref="HttpClient"/> is shared). Does not dispose the client.</remarks>
public sealed class KvHttpClient
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client; its own timeout should be infinite, the per-operation one applies.</param>
    /// <param name="time">The clock for the per-operation timeout.</param>
    /// <param name="timeout">How long one operation may take before it is abandoned as indeterminate.</param>
    public KvHttpClient(HttpClient http, TimeProvider time, TimeSpan timeout)
    {
        _http = http;
        _time = time;
        _timeout = timeout;
    }

    /// <summary>Runs one operation.</summary>
    /// <param name="node">The node's data API base address, e.g. <c>http://127.0.0.1:8080/</c>.</param>
    /// <param name="kind">The request.</param>
    /// <param name="key">The key (escaped into the path).</param>
    /// <param name="value">The value of a put, else <see langword="null"/>.</param>
    /// <param name="ifVersion">The expected version of a conditional put, else <see langword="null"/>.</param>
    /// <param name="token">Cancels the run; an operation cut short by it is indeterminate.</param>
    /// <returns>The classified answer; never throws for network or HTTP failures.</returns>
    public async Task<KvAnswer> ExecuteAsync(Uri node, OperationKind kind, string key, string? value, long? ifVersion, CancellationToken token)
    {
        var path = "kv/" + Uri.EscapeDataString(key);
        using var request = kind switch
        {
            OperationKind.Get => new HttpRequestMessage(HttpMethod.Get, new Uri(node, path + "?consistency=linearizable")),
            OperationKind.Delete => new HttpRequestMessage(HttpMethod.Delete, new Uri(node, path)) { Content = new ByteArrayContent([]) },
            _ => new HttpRequestMessage(HttpMethod.Put, new Uri(node, ifVersion is { } v ? string.Create(CultureInfo.InvariantCulture, $"{path}?if-version={v}") : path))
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(value ?? string.Empty)),
            },
        };
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Classify(kind, response, body);
        }
        catch (OperationCanceledException)
        {
            return Unknown("timeout");
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return new KvAnswer(OperationOutcome.Failed, null, null, "connection refused");
        }
        catch (HttpRequestException e)
        {
            return Unknown(e.HttpRequestError.ToString());
        }
    }

    private static KvAnswer Unknown(string detail) => new(OperationOutcome.Indeterminate, null, null, detail);

    private static KvAnswer Classify(OperationKind kind, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (kind == OperationKind.Get)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK when HeaderVersion(response) is { } version =>
                    new KvAnswer(OperationOutcome.Ok, version, Encoding.UTF8.GetString(body), null),
                HttpStatusCode.NotFound => new KvAnswer(OperationOutcome.NotFound, null, null, null),
                _ => new KvAnswer(OperationOutcome.Failed, null, null, Status(status)),
            };
        }

        return response.StatusCode switch
        {
            HttpStatusCode.OK when kind == OperationKind.Delete => new KvAnswer(OperationOutcome.Ok, null, null, null),
            HttpStatusCode.OK when JsonLong(body, "version") is { } version => new KvAnswer(OperationOutcome.Ok, version, null, null),
            HttpStatusCode.Conflict when kind == OperationKind.ConditionalPut && JsonLong(body, "current") is { } current =>
                new KvAnswer(OperationOutcome.Conflict, current, null, null),

            // A 200 or 409 that cannot be parsed still may have written: unknown, not failed.
            _ when status is >= 500 or 200 or 409 => new KvAnswer(OperationOutcome.Indeterminate, null, null, Status(status)),
            _ => new KvAnswer(OperationOutcome.Failed, null, null, Status(status)),
        };
    }

    private static string Status(int status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    private static long? HeaderVersion(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Version", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static long? JsonLong(byte[] body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var element)
                && element.TryGetInt64(out var number)
                ? number
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
