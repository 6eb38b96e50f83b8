using System.Security.Cryptography;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Json;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Leader;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LithairAkka.Management.Api;

/// <summary>Lithair-compatible monitoring and administration (INTERFACE.md §5).</summary>
internal static class RaftEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ApiContext api)
    {
        routes.MapGet("/_raft/health", context => HealthAsync(context, api));
        routes.MapGet("/_raft/sync-status", context => SyncStatusAsync(context, api));
        routes.MapGet("/_raft/resync_stats", context => ResyncStatsAsync(context, api));
        routes.MapGet("/_raft/state-digest", context => StateDigestAsync(context, api));
        routes.MapPost("/_raft/transfer-leadership", context => TransferLeadershipAsync(context, api));
        routes.MapPost("/_raft/force-resync", context => ForceResyncAsync(context, api));
    }

    private static string StateName(NodeRole role) => role switch
    {
        NodeRole.Leader => "Leader",
        NodeRole.Follower => "Follower",
        _ => "Candidate",
    };

    private static string HealthName(FollowerHealth health) => health.ToString().ToLowerInvariant();

    private static async Task<(RaftStatus? Status, SyncStatus? Sync)> SampleAsync(HttpContext context, ApiContext api)
    {
        var status = await api.Client.StatusAsync(context.RequestAborted).ConfigureAwait(false);
        var sync = status?.Role == NodeRole.Leader
            ? await api.Client.AskLocalAsync(GetSyncStatus.Instance, context.RequestAborted).ConfigureAwait(false) as SyncStatus
            : null;
        return (status, sync);
    }

    private static Task RecoveringAsync(HttpContext context) =>
        Responses.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "recovering", "The replication group has not finished recovering.");

    private static async Task HealthAsync(HttpContext context, ApiContext api)
    {
        var (status, sync) = await SampleAsync(context, api).ConfigureAwait(false);
        if (status is null)
        {
            await RecoveringAsync(context).ConfigureAwait(false);
            return;
        }

        var followers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var follower in sync?.Followers ?? [])
        {
            followers[api.Client.Directory.Describe(follower.Node)] = HealthName(follower.Health);
        }

        var body = new RaftHealthBody(status.Node.Value, StateName(status.Role), status.Term, status.CommitIndex, status.AppliedIndex, followers);
        await Responses.JsonAsync(context, StatusCodes.Status200OK, body, ManagementJsonContext.Default.RaftHealthBody).ConfigureAwait(false);
    }

    private static async Task SyncStatusAsync(HttpContext context, ApiContext api)
    {
        var (status, sync) = await SampleAsync(context, api).ConfigureAwait(false);
        if (status is null)
        {
            await RecoveringAsync(context).ConfigureAwait(false);
            return;
        }

        var followers = (sync?.Followers ?? []).Select(f => new SyncFollowerBody(
            api.Client.Directory.Describe(f.Node), HealthName(f.Health), f.MatchIndex, f.Lag, f.LastLatency?.TotalMilliseconds, f.ConsecutiveFailures)).ToArray();
        var body = new SyncStatusBody(status.Node.Value, sync is not null, status.CommitIndex, followers);
        await Responses.JsonAsync(context, StatusCodes.Status200OK, body, ManagementJsonContext.Default.SyncStatusBody).ConfigureAwait(false);
    }

    private static async Task ResyncStatsAsync(HttpContext context, ApiContext api)
    {
        var status = await api.Client.StatusAsync(context.RequestAborted).ConfigureAwait(false);
        var counters = await api.Client.AskLocalAsync(GetSnapshotCounters.Instance, context.RequestAborted).ConfigureAwait(false) as SnapshotCounters;
        if (status is null || counters is null)
        {
            await RecoveringAsync(context).ConfigureAwait(false);
            return;
        }

        var body = new ResyncStatsBody(
            status.Node.Value,
            status.Role == NodeRole.Leader,
            new ResyncCountersBody(counters.SnapshotsCreated, counters.SendAttempts, counters.SendSuccesses, counters.SendFailures));
        await Responses.JsonAsync(context, StatusCodes.Status200OK, body, ManagementJsonContext.Default.ResyncStatsBody).ConfigureAwait(false);
    }

    // Diagnostics (not in Lithair's API): hashes the state machine's snapshot of its current state, taken on its own
    // mailbox so the bytes and the applied index belong together. Costs one snapshot of the state: not for hot paths.
    private static async Task StateDigestAsync(HttpContext context, ApiContext api)
    {
        var status = await api.Client.StatusAsync(context.RequestAborted).ConfigureAwait(false);
        var taken = await api.Client.AskLocalAsync(new TakeSnapshot(), context.RequestAborted).ConfigureAwait(false) as SnapshotTaken;
        if (status is null || taken is null)
        {
            await RecoveringAsync(context).ConfigureAwait(false);
            return;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(taken.Data));
        var body = new StateDigestBody(status.Node.Value, taken.AppliedIndex, digest, taken.Data.Length);
        await Responses.JsonAsync(context, StatusCodes.Status200OK, body, ManagementJsonContext.Default.StateDigestBody).ConfigureAwait(false);
    }

    private static async Task TransferLeadershipAsync(HttpContext context, ApiContext api)
    {
        if (!await AdminToken.AuthorizeAsync(context, api.Http.AdminToken).ConfigureAwait(false))
        {
            return;
        }

        if (!QueryParameters.TryGetNonNegative(context, "target", out var raw, out var problem) || raw is not { } value)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem ?? "target=NODE_ID is required.").ConfigureAwait(false);
            return;
        }

        var (outcome, leader) = await LeadershipTransfer.RunAsync(
            api.Client, new NodeId(value), api.Http.RequestTimeout, api.Time, context.RequestAborted).ConfigureAwait(false);
        await (outcome switch
        {
            LeadershipTransfer.Status.NoLeader => Responses.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "no-leader"),
            LeadershipTransfer.Status.InvalidTarget => Responses.ErrorAsync(
                context, StatusCodes.Status400BadRequest, "invalid-target", $"Node {value} is not a voter of the group."),
            _ => Responses.JsonAsync(
                context,
                StatusCodes.Status200OK,
                new TransferLeadershipBody(outcome == LeadershipTransfer.Status.Transferred, leader?.Value),
                ManagementJsonContext.Default.TransferLeadershipBody),
        }).ConfigureAwait(false);
    }

    private static async Task ForceResyncAsync(HttpContext context, ApiContext api)
    {
        if (!await AdminToken.AuthorizeAsync(context, api.Http.AdminToken).ConfigureAwait(false))
        {
            return;
        }

        var address = (string?)context.Request.Query["target"];
        var (status, result) = await ForceResyncOperation.RunAsync(api.Client, address, context.RequestAborted).ConfigureAwait(false);
        if (status == ForceResyncOperation.Status.InvalidTarget)
        {
            await Responses.ErrorAsync(
                context, StatusCodes.Status400BadRequest, "invalid-target", $"target must be the address of a group member as /_raft/health lists it, not '{address}'.").ConfigureAwait(false);
            return;
        }

        if (result is null)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "no-leader").ConfigureAwait(false);
            return;
        }

        await Responses.JsonAsync(
            context, StatusCodes.Status200OK, new ForceResyncBody(address!, result.Success, result.Message), ManagementJsonContext.Default.ForceResyncBody).ConfigureAwait(false);
    }
}
