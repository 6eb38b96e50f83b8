using System.Net;
using LithairAkka.Management.Api;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Membership;
using LithairAkka.Management.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Management.Hosting;

/// <summary>
/// The node's two Kestrel servers: the data and Lithair-compatible API (<c>lithair.http.port</c>: <c>/kv</c>,
/// <c>/commands</c>, <c>/queries</c>, <c>/_raft/*</c>) and the management server (<c>akka.management.http.port</c>: <c>/alive</c>, <c>/ready</c>,
/// <c>/metrics</c>, <c>/_fault/*</c>, and with a cluster <c>/cluster/*</c> and <c>/bootstrap/seed-nodes</c>). Every answered request is counted and timed in <see cref="Metrics"/>.
/// </summary>
/// <remarks>Start once, stop once. <see cref="StopAsync"/> stops accepting connections and lets requests in flight
/// finish until its token is cancelled.</remarks>
public sealed class NodeHttpServers : IAsyncDisposable
{
    private readonly WebApplication _data;
    private readonly WebApplication _management;
    private readonly PrometheusExporter _exporter;
    private readonly bool _ownsMetrics;

    /// <summary>Builds both servers; nothing is bound before <see cref="StartAsync"/>.</summary>
    /// <param name="options">The group, the settings and the services.</param>
    public NodeHttpServers(NodeHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ownsMetrics = options.Metrics is null;
        Metrics = options.Metrics ?? new NodeMetrics();
        _exporter = new PrometheusExporter([Metrics.Meter]);
        var api = new ApiContext(
            new GroupClient(options.Directory, options.Http, options.Time),
            options.Http,
            options.Management,
            Metrics,
            _exporter,
            options.Faults,
            options.ReadinessCheck,
            options.Time)
        {
            Membership = options.Membership,
        };
        _data = Build(options, options.Http.Hostname, options.Http.Port, api, routes =>
        {
            if (options.ServesKeyValue)
            {
                KvEndpoints.Map(routes, api);
            }
            else
            {
                StateMachineEndpoints.MapKeyValueUnavailable(routes);
            }

            StateMachineEndpoints.Map(routes, api);
            RaftEndpoints.Map(routes, api);
        });
        _management = Build(options, options.Management.Hostname, options.Management.Port, api, routes =>
        {
            ManagementEndpoints.Map(routes, api);
            if (options.Membership is { } membership)
            {
                ClusterEndpoints.Map(routes, api, membership);
            }
        });
    }

    /// <summary>The node's instruments, exported at <c>/metrics</c>.</summary>
    public NodeMetrics Metrics { get; }

    /// <summary>The data API's base address once started (with the bound port when 0 was configured).</summary>
    public Uri DataAddress => AddressOf(_data);

    /// <summary>The management server's base address once started.</summary>
    public Uri ManagementAddress => AddressOf(_management);

    /// <summary>Binds and starts both servers.</summary>
    /// <exception cref="IOException">A port is in use.</exception>
    public async Task StartAsync(CancellationToken token)
    {
        await _data.StartAsync(token).ConfigureAwait(false);
        await _management.StartAsync(token).ConfigureAwait(false);
    }

    /// <summary>Stops accepting requests, waits for those in flight (until <paramref name="token"/> fires), and unbinds.</summary>
    public async Task StopAsync(CancellationToken token)
    {
        await Task.WhenAll(_data.StopAsync(token), _management.StopAsync(token)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _data.DisposeAsync().ConfigureAwait(false);
        await _management.DisposeAsync().ConfigureAwait(false);
        _exporter.Dispose();
        if (_ownsMetrics)
        {
            Metrics.Dispose();
        }
    }

    private static Uri AddressOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server has not started.");
        return new Uri(first.Replace("://[::]", "://localhost", StringComparison.Ordinal));
    }

    private static WebApplication Build(NodeHttpOptions options, string hostname, int port, ApiContext api, Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "LithairAkka.Node", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options.LoggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (IPAddress.TryParse(hostname, out var ip))
            {
                kestrel.Listen(ip, port);
            }
            else if (string.Equals(hostname, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(port);
            }
            else
            {
                kestrel.Listen(Dns.GetHostAddresses(hostname)[0], port);
            }
        });
        var app = builder.Build();
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var started = api.Time.GetTimestamp();
            await next(context).ConfigureAwait(false);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            api.Metrics.RecordRequest(route, context.Request.Method, context.Response.StatusCode, api.Time.GetElapsedTime(started));
        });
        map(app);
        return app;
    }
}
