using System.Buffers;
using System.Globalization;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Json;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LithairAkka.Management.Api;

/// <summary>The key-value data API (INTERFACE.md §4).</summary>
internal static class KvEndpoints
{
    private const int MaxListLimit = 10_000;

    public static void Map(IEndpointRouteBuilder routes, ApiContext api)
    {
        routes.MapPut("/kv/{key}", context => PutAsync(context, api));
        routes.MapGet("/kv/{key}", context => GetAsync(context, api));
        routes.MapDelete("/kv/{key}", context => DeleteAsync(context, api));
        routes.MapGet("/kv", context => ListAsync(context, api));
    }

    private static async Task PutAsync(HttpContext context, ApiContext api)
    {
        if (!QueryParameters.TryGetKey(context, out var key, out var problem)
            || !QueryParameters.TryGetNonNegative(context, "if-version", out var ifVersion, out problem))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        var value = await RequestBodies.ReadCappedAsync(context, api.Http.MaxValueSize).ConfigureAwait(false);
        if (value is null)
        {
            await Responses.ErrorAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "value-too-large",
                $"A value must be at most {api.Http.MaxValueSize.ToString(CultureInfo.InvariantCulture)} bytes (lithair.http.max-value-size).").ConfigureAwait(false);
            return;
        }

        var answer = await api.Client.ProposeAsync(new KvPut(key, value, ifVersion).Encode(), context.RequestAborted).ConfigureAwait(false);
        await WriteOutcomeAsync(context, key, answer).ConfigureAwait(false);
    }

    private static async Task DeleteAsync(HttpContext context, ApiContext api)
    {
        if (!QueryParameters.TryGetKey(context, out var key, out var problem)
            || !QueryParameters.TryGetNonNegative(context, "if-version", out var ifVersion, out problem))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        var answer = await api.Client.ProposeAsync(new KvDelete(key, ifVersion).Encode(), context.RequestAborted).ConfigureAwait(false);
        await WriteOutcomeAsync(context, key, answer).ConfigureAwait(false);
    }

    private static async Task GetAsync(HttpContext context, ApiContext api)
    {
        if (!QueryParameters.TryGetKey(context, out var key, out var problem)
            || !QueryParameters.TryGetConsistency(context, out var consistency, out problem))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        switch (await api.Client.ReadAsync(new KvGet(key), consistency, context.RequestAborted).ConfigureAwait(false))
        {
            case QueryResult { Result: KvEntry { Exists: true } entry } result:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/octet-stream";
                context.Response.Headers["X-Version"] = entry.Version.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-Index"] = result.AppliedIndex.ToString(CultureInfo.InvariantCulture);
                context.Response.ContentLength = entry.Value.Length;
                await context.Response.Body.WriteAsync(entry.Value, context.RequestAborted).ConfigureAwait(false);
                break;
            case QueryResult:
                await Responses.ErrorAsync(context, StatusCodes.Status404NotFound, "not-found").ConfigureAwait(false);
                break;
            case GroupFailure failure:
                await Responses.FailureAsync(context, failure).ConfigureAwait(false);
                break;
        }
    }

    private static async Task ListAsync(HttpContext context, ApiContext api)
    {
        var prefix = (string?)context.Request.Query["prefix"] ?? string.Empty;
        if (!QueryParameters.TryGetNonNegative(context, "limit", out var limit, out var problem)
            || !QueryParameters.TryGetConsistency(context, out var consistency, out problem))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        if (limit is < 1 or > MaxListLimit)
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", $"limit must be between 1 and {MaxListLimit}.").ConfigureAwait(false);
            return;
        }

        switch (await api.Client.ReadAsync(new KvList(prefix, (int)(limit ?? 100)), consistency, context.RequestAborted).ConfigureAwait(false))
        {
            case QueryResult { Result: KvListing listing }:
                context.Response.Headers["X-Truncated"] = listing.Truncated ? "true" : "false";
                IReadOnlyList<KvListItem> items = listing.Entries.Select(e => new KvListItem(e.Key, e.Version)).ToArray();
                await Responses.JsonAsync(context, StatusCodes.Status200OK, items, ManagementJsonContext.Default.IReadOnlyListKvListItem).ConfigureAwait(false);
                break;
            case GroupFailure failure:
                await Responses.FailureAsync(context, failure).ConfigureAwait(false);
                break;
        }
    }

    private static Task WriteOutcomeAsync(HttpContext context, string key, object answer) => answer switch
    {
        ProposeSucceeded ok => KvResult.Decode(ok.Result) switch
        {
            KvWritten written => Responses.JsonAsync(
                context, StatusCodes.Status200OK, new KvWriteBody(key, written.Version, ok.Index, ok.Term), ManagementJsonContext.Default.KvWriteBody),
            KvVersionMismatch mismatch => Responses.JsonAsync(
                context, StatusCodes.Status409Conflict, new VersionMismatchBody("version-mismatch", mismatch.CurrentVersion), ManagementJsonContext.Default.VersionMismatchBody),
            _ => Responses.JsonAsync(context, StatusCodes.Status200OK, new KvDeleteBody(ok.Index, ok.Term), ManagementJsonContext.Default.KvDeleteBody),
        },

        // write-consistency = async: durable on the leader, not applied yet, so the new version is not known.
        ProposeDurable durable when context.Request.Method == HttpMethods.Put => Responses.JsonAsync(
            context, StatusCodes.Status200OK, new KvWriteBody(key, null, durable.Index, durable.Term), ManagementJsonContext.Default.KvWriteBody),
        ProposeDurable durable => Responses.JsonAsync(
            context, StatusCodes.Status200OK, new KvDeleteBody(durable.Index, durable.Term), ManagementJsonContext.Default.KvDeleteBody),
        GroupFailure failure => Responses.FailureAsync(context, failure),
        _ => Responses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal", $"Unexpected answer {answer.GetType().Name}."),
    };
}
