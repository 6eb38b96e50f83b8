using System.Globalization;
using System.Net;
using System.Text;

namespace LithairAkka.Chaos.Tests.Workload;

/// <summary>
/// A fake node: an <see cref="HttpMessageHandler"/> serving INTERFACE §4's data API from one in-memory map under a
/// lock (linearizable), or, with <paramref name="staleReads"/>, serving reads from a replica that lags behind by
/// a few writes (not linearizable).
/// </summary>
internal sealed class InMemoryKvHandler(bool staleReads = false) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Value, long Version)> _store = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(string Value, long Version)?>> _lagging = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var key = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath["/kv/".Length..]);
        var query = request.RequestUri.Query;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_gate)
        {
            if (request.Method == HttpMethod.Get)
            {
                var entry = staleReads && _lagging.TryGetValue(key, out var history) && history.Count > 0
                    ? history.Peek()
                    : _store.TryGetValue(key, out var current) ? current : null;
                if (entry is not { } found)
                {
                    return new HttpResponseMessage(HttpStatusCode.NotFound);
                }

                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(found.Value) };
                response.Headers.Add("X-Version", found.Version.ToString(CultureInfo.InvariantCulture));
                return response;
            }

            _store.TryGetValue(key, out var before);
            var version = _store.ContainsKey(key) ? before.Version : 0;
            Remember(key);
            if (request.Method == HttpMethod.Delete)
            {
                _store.Remove(key);
                return Json(HttpStatusCode.OK, """{"index":1,"term":1}""");
            }

            if (query.StartsWith("?if-version=", StringComparison.Ordinal)
                && long.Parse(query["?if-version=".Length..], CultureInfo.InvariantCulture) != version)
            {
                return Json(HttpStatusCode.Conflict, string.Create(CultureInfo.InvariantCulture, $$"""{"error":"version-mismatch","current":{{version}}}"""));
            }

            _store[key] = (body, version + 1);
            return Json(HttpStatusCode.OK, string.Create(CultureInfo.InvariantCulture, $$"""{"key":"{{key}}","version":{{version + 1}},"index":1,"term":1}"""));
        }
    }

    private void Remember(string key)
    {
        if (!_lagging.TryGetValue(key, out var history))
        {
            _lagging[key] = history = new Queue<(string, long)?>();
        }

        history.Enqueue(_store.TryGetValue(key, out var current) ? current : null);
        if (history.Count > 3)
        {
            history.Dequeue();
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
