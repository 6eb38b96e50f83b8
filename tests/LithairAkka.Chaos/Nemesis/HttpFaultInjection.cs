using System.Globalization;

namespace LithairAkka.Chaos.Nemesis;

/// <summary>
/// Partitions and heals through the nodes' fault-injection endpoints (INTERFACE §6) directly, without
/// <c>ops/cluster.sh</c>: node i's management port is <c>managementBase + i</c> and its remoting address
/// <c>host:remotingBase + i</c> (§2). A partition makes every node of each side blackhole every node of the other,
/// asked on both sides (<c>POST /_fault/blackhole?peer=HOST:PORT&amp;direction=both</c>); heal asks every node
/// (<c>POST /_fault/heal</c>).
/// </summary>
/// <remarks>Thread-safe; does not dispose the <see cref="HttpClient"/>.</remarks>
public sealed class HttpFaultInjection
{
    private readonly HttpClient _http;
    private readonly string _host;
    private readonly int _nodes;
    private readonly int _managementBase;
    private readonly int _remotingBase;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="nodes">Cluster size.</param>
    /// <param name="host">Host of every node (default loopback).</param>
    /// <param name="managementBase">Management port of node 0 (default 8558).</param>
    /// <param name="remotingBase">Remoting port of node 0 (default 4053).</param>
    public HttpFaultInjection(HttpClient http, int nodes, string host = "127.0.0.1", int managementBase = 8558, int remotingBase = 4053)
    {
        _http = http;
        _nodes = nodes;
        _host = host;
        _managementBase = managementBase;
        _remotingBase = remotingBase;
    }

    /// <summary>Cuts every node of <paramref name="sideA"/> off from every node of <paramref name="sideB"/>.</summary>
    /// <param name="sideA">One side.</param>
    /// <param name="sideB">The other side.</param>
    /// <param name="token">Cancels the calls.</param>
    /// <returns>Completes once every node has accepted its rules.</returns>
    /// <exception cref="HttpRequestException">A node refused or did not answer 2xx (the message names it).</exception>
    public async Task PartitionAsync(IReadOnlyList<int> sideA, IReadOnlyList<int> sideB, CancellationToken token)
    {
        foreach (var a in sideA)
        {
            foreach (var b in sideB)
            {
                await BlackholeAsync(a, b, token);
                await BlackholeAsync(b, a, token);
            }
        }
    }

    /// <summary>Removes every fault rule on every node.</summary>
    /// <param name="token">Cancels the calls.</param>
    /// <returns>Completes once every node has been asked; fails after trying all of them if any failed.</returns>
    /// <exception cref="HttpRequestException">A node refused or did not answer 2xx.</exception>
    public async Task HealAsync(CancellationToken token)
    {
        var errors = new List<string>();
        for (var node = 0; node < _nodes; node++)
        {
            try
            {
                await PostAsync(node, "_fault/heal", token);
            }
            catch (HttpRequestException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new HttpRequestException(string.Join("; ", errors));
        }
    }

    private Task BlackholeAsync(int node, int peer, CancellationToken token) =>
        PostAsync(node, string.Create(CultureInfo.InvariantCulture, $"_fault/blackhole?peer={_host}:{_remotingBase + peer}&direction=both"), token);

    private async Task PostAsync(int node, string path, CancellationToken token)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{_host}:{_managementBase + node}/{path}"));
        using var response = await _http.PostAsync(uri, content: null, token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"node {node}: POST {uri.PathAndQuery} answered {(int)response.StatusCode}"));
        }
    }
}
