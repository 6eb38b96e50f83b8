using System.Globalization;
using LithairAkka.Cluster;
using LithairAkka.Management.Json;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.FaultInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LithairAkka.Management.Api;

/// <summary>Health, metrics and fault injection on the management port (INTERFACE.md §6).</summary>
internal static class ManagementEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ApiContext api)
    {
        routes.MapGet("/alive", context => Responses.JsonAsync(
            context, StatusCodes.Status200OK, new HealthBody("alive"), ManagementJsonContext.Default.HealthBody));
        routes.MapGet("/ready", context => ReadyAsync(context, api));
        routes.MapGet("/metrics", context => MetricsAsync(context, api));
        if (api.Management.FaultInjection)
        {
            // Off by default: the routes do not exist, so they answer 404 like any unknown path.
            routes.MapPost("/_fault/blackhole", context => FaultAsync(context, api, Blackhole));
            routes.MapPost("/_fault/delay", context => FaultAsync(context, api, Delay));
            routes.MapPost("/_fault/heal", context => FaultAsync(context, api, (_, faults) =>
            {
                faults.Heal();
                return null;
            }));
        }
    }

    private static async Task ReadyAsync(HttpContext context, ApiContext api)
    {
        var status = await api.Client.StatusAsync(context.RequestAborted).ConfigureAwait(false);

        // In a cluster, ready also means this member is Up (not still joining, nor leaving).
        var up = api.Membership is not { } membership || membership.Cluster.SelfMember.Status == MemberStatus.Up;
        var unready = status is null ? "recovering"
            : status.Leader is null ? "no-leader"
            : !up ? "not-up"
            : await api.ReadinessCheck(context.RequestAborted).ConfigureAwait(false);
        var body = unready is null && status?.Leader is { } leader
            ? new HealthBody("ready", leader.Value)
            : new HealthBody("not-ready", Reason: unready);
        var code = body.Leader is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await Responses.JsonAsync(context, code, body, ManagementJsonContext.Default.HealthBody).ConfigureAwait(false);
    }

    private static async Task MetricsAsync(HttpContext context, ApiContext api)
    {
        await api.Metrics.RefreshAsync(api.Client, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await context.Response.WriteAsync(api.Exporter.Collect(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string? Blackhole(HttpContext context, FaultInjector faults)
    {
        if (!TryGetPeer(context, out var peer, out var problem))
        {
            return problem;
        }

        var direction = FaultDirection.Both;
        if ((string?)context.Request.Query["direction"] is { } raw)
        {
            try
            {
                direction = FaultInjector.ParseDirection(raw);
            }
            catch (FormatException ex)
            {
                return ex.Message + ".";
            }
        }

        faults.Blackhole(peer, direction);
        return null;
    }

    private static string? Delay(HttpContext context, FaultInjector faults)
    {
        if (!TryGetPeer(context, out var peer, out var problem))
        {
            return problem;
        }

        if (!int.TryParse((string?)context.Request.Query["ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return "ms must be a non-negative number of milliseconds.";
        }

        faults.Delay(peer, TimeSpan.FromMilliseconds(ms));
        return null;
    }

    private static bool TryGetPeer(HttpContext context, out RemoteAddress peer, out string? problem)
    {
        var raw = (string?)context.Request.Query["peer"];
        problem = RemoteAddress.TryParse(raw, out peer) ? null : $"peer must be HOST:PORT of a remoting endpoint, not '{raw}'.";
        return problem is null;
    }

    private static async Task FaultAsync(HttpContext context, ApiContext api, Func<HttpContext, FaultInjector, string?> apply)
    {
        if (api.Faults() is not { } faults)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "remoting-disabled", "Fault injection needs akka.actor.provider = remote.").ConfigureAwait(false);
            return;
        }

        if (apply(context, faults) is { } problem)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        var rules = faults.Rules.ToDictionary(r => r.Key.ToString(), r => r.Value.ToString(), StringComparer.Ordinal);
        await Responses.JsonAsync(context, StatusCodes.Status200OK, new FaultRulesBody(rules), ManagementJsonContext.Default.FaultRulesBody).ConfigureAwait(false);
    }
}
