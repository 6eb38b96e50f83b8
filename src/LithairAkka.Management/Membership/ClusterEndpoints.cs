using LithairAkka.Cluster;
using LithairAkka.Management.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LithairAkka.Management.Membership;

/// <summary>
/// The cluster membership routes of the management server (INTERFACE.md §6, after JVM Akka Management's cluster HTTP
/// routes): <c>GET/POST /cluster/members</c>, <c>GET/PUT/DELETE /cluster/members/{address}</c> and
/// <c>GET /bootstrap/seed-nodes</c>. Mutating routes answer 403 while
/// <c>akka.management.http.route-providers-read-only</c> is on, and require <c>lithair.http.admin-token</c> when set.
/// </summary>
internal static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ApiContext api, ReachabilityObserver membership)
    {
        routes.MapGet("/cluster/members", context => Responses.JsonAsync(
            context, StatusCodes.Status200OK, ClusterViews.Members(membership), ClusterJsonContext.Default.ClusterMembersBody));
        routes.MapGet("/cluster/members/{**address}", context => MemberAsync(context, membership));
        routes.MapPost("/cluster/members", context => JoinAsync(context, api, membership));
        routes.MapPut("/cluster/members/{**address}", context => OperationAsync(context, api, membership));
        routes.MapDelete("/cluster/members/{**address}", context => LeaveAsync(context, api, membership));
        routes.MapGet("/bootstrap/seed-nodes", context => Responses.JsonAsync(
            context, StatusCodes.Status200OK, ClusterViews.SeedNodes(membership), ClusterJsonContext.Default.SeedNodesBody));
    }

    private static async Task MemberAsync(HttpContext context, ReachabilityObserver membership)
    {
        if (await FindAsync(context, membership).ConfigureAwait(false) is { } member)
        {
            await Responses.JsonAsync(context, StatusCodes.Status200OK, ClusterViews.ToBody(member), ClusterJsonContext.Default.ClusterMemberBody)
                .ConfigureAwait(false);
        }
    }

    private static async Task JoinAsync(HttpContext context, ApiContext api, ReachabilityObserver membership)
    {
        if (!await MayMutateAsync(context, api).ConfigureAwait(false))
        {
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var raw = (string?)form?["address"];
        if (!MemberAddress.TryParse(raw, membership.Cluster.SelfAddress, out var address))
        {
            await BadAddressAsync(context, raw).ConfigureAwait(false);
            return;
        }

        membership.Cluster.Join(address);
        await MessageAsync(context, $"Joining {address}").ConfigureAwait(false);
    }

    private static async Task OperationAsync(HttpContext context, ApiContext api, ReachabilityObserver membership)
    {
        if (!await MayMutateAsync(context, api).ConfigureAwait(false) || await FindAsync(context, membership).ConfigureAwait(false) is not { } member)
        {
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var operation = (string?)form?["operation"];
        if (string.Equals(operation, "leave", StringComparison.OrdinalIgnoreCase))
        {
            membership.Cluster.Leave(member.Address);
            await MessageAsync(context, $"Leaving {member.Address}").ConfigureAwait(false);
        }
        else if (string.Equals(operation, "down", StringComparison.OrdinalIgnoreCase))
        {
            membership.Cluster.Down(member.Address);
            await MessageAsync(context, $"Downing {member.Address}").ConfigureAwait(false);
        }
        else
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request",
                $"The form field operation must be Leave or Down, not '{operation}'.").ConfigureAwait(false);
        }
    }

    private static async Task LeaveAsync(HttpContext context, ApiContext api, ReachabilityObserver membership)
    {
        if (await MayMutateAsync(context, api).ConfigureAwait(false) && await FindAsync(context, membership).ConfigureAwait(false) is { } member)
        {
            membership.Cluster.Leave(member.Address);
            await MessageAsync(context, $"Leaving {member.Address}").ConfigureAwait(false);
        }
    }

    // The member named by the {address} route value; otherwise the 400 (malformed) or 404 (no such member) is written.
    private static async Task<Member?> FindAsync(HttpContext context, ReachabilityObserver membership)
    {
        var raw = context.Request.RouteValues["address"] as string;
        raw = raw is null ? null : Uri.UnescapeDataString(raw);
        if (!MemberAddress.TryParse(raw, membership.Cluster.SelfAddress, out var address))
        {
            await BadAddressAsync(context, raw).ConfigureAwait(false);
            return null;
        }

        if (MemberAddress.Find(membership.Cluster.State, address) is { } member)
        {
            return member;
        }

        await Responses.ErrorAsync(context, StatusCodes.Status404NotFound, "member-not-found", $"Member [{address}] not found").ConfigureAwait(false);
        return null;
    }

    private static async Task<bool> MayMutateAsync(HttpContext context, ApiContext api)
    {
        if (api.Management.RouteProvidersReadOnly)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status403Forbidden, "read-only",
                "Cluster membership changes are disabled: set akka.management.http.route-providers-read-only = false.").ConfigureAwait(false);
            return false;
        }

        return await AdminToken.AuthorizeAsync(context, api.Http.AdminToken).ConfigureAwait(false);
    }

    private static Task BadAddressAsync(HttpContext context, string? raw) =>
        Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-address",
            $"'{raw}' is not a member address: expected akka.tcp://system@host:port, system@host:port or host:port.");

    private static Task MessageAsync(HttpContext context, string message) =>
        Responses.JsonAsync(context, StatusCodes.Status200OK, new ClusterMessageBody(message), ClusterJsonContext.Default.ClusterMessageBody);
}
