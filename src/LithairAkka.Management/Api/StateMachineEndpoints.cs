using System.Globalization;
using LithairAkka.Management.Groups;
using LithairAkka.Replication.StateMachines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LithairAkka.Management.Api;

/// <summary>
/// The generic data API of any state machine, bytes in and bytes out:
/// <list type="bullet">
/// <item><c>POST /commands</c>: the body is one command; 200 with the result bytes and <c>X-Index</c>, <c>X-Term</c>
/// once applied (202 with no body under <c>write-consistency = async</c>: durable on the leader, not applied yet);
/// 413 <c>command-too-large</c> above <c>lithair.http.max-value-size</c>; 503 <c>no-leader</c>; 504 <c>outcome-unknown</c>.</item>
/// <item><c>POST /queries?consistency=linearizable|leader|follower</c>: the body is one query; 200 with the answer
/// bytes and <c>X-Index</c> (the applied index it reflects); 400 <c>query-rejected</c> when the state machine refused
/// it; 503 <c>no-leader</c>; 504 <c>timeout</c>.</item>
/// </list>
/// Requests go through <see cref="GroupClient"/>, so a follower forwards them to the leader like <c>/kv</c>.
/// </summary>
internal static class StateMachineEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ApiContext api)
    {
        routes.MapPost("/commands", context => CommandAsync(context, api));
        routes.MapPost("/queries", context => QueryAsync(context, api));
    }

    /// <summary>Maps every <c>/kv</c> route to 501 <c>state-machine-not-kv</c>, for a node running another state machine.</summary>
    public static void MapKeyValueUnavailable(IEndpointRouteBuilder routes)
    {
        routes.Map("/kv", NotKeyValueAsync);
        routes.Map("/kv/{key}", NotKeyValueAsync);
    }

    private static Task NotKeyValueAsync(HttpContext context) => Responses.ErrorAsync(
        context,
        StatusCodes.Status501NotImplemented,
        "state-machine-not-kv",
        "This node runs a custom state machine (lithair.replication.state-machine), not the key-value store: use POST /commands and POST /queries.");

    private static async Task CommandAsync(HttpContext context, ApiContext api)
    {
        var command = await RequestBodies.ReadCappedAsync(context, api.Http.MaxValueSize).ConfigureAwait(false);
        if (command is null)
        {
            await TooLargeAsync(context, "command-too-large", api.Http.MaxValueSize).ConfigureAwait(false);
            return;
        }

        switch (await api.Client.ProposeAsync(command, context.RequestAborted).ConfigureAwait(false))
        {
            case ProposeSucceeded ok:
                SetPosition(context, ok.Index, ok.Term);
                await WriteBytesAsync(context, StatusCodes.Status200OK, ok.Result).ConfigureAwait(false);
                break;
            case ProposeDurable durable:
                // write-consistency = async: stored durably by the leader, not applied, so no result yet.
                SetPosition(context, durable.Index, durable.Term);
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
            case GroupFailure failure:
                await Responses.FailureAsync(context, failure).ConfigureAwait(false);
                break;
            case var other:
                await Responses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal", $"Unexpected answer {other.GetType().Name}.").ConfigureAwait(false);
                break;
        }
    }

    private static async Task QueryAsync(HttpContext context, ApiContext api)
    {
        if (!QueryParameters.TryGetConsistency(context, out var consistency, out var problem))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-request", problem).ConfigureAwait(false);
            return;
        }

        var query = await RequestBodies.ReadCappedAsync(context, api.Http.MaxValueSize).ConfigureAwait(false);
        if (query is null)
        {
            await TooLargeAsync(context, "query-too-large", api.Http.MaxValueSize).ConfigureAwait(false);
            return;
        }

        switch (await api.Client.ReadAsync(new BinaryQuery(query), consistency, context.RequestAborted).ConfigureAwait(false))
        {
            case QueryResult { Result: BinaryQueryResult answer } result:
                context.Response.Headers["X-Index"] = result.AppliedIndex.ToString(CultureInfo.InvariantCulture);
                await WriteBytesAsync(context, StatusCodes.Status200OK, answer.Result).ConfigureAwait(false);
                break;
            case QueryResult { Result: QueryRejected rejected }:
                await Responses.ErrorAsync(context, StatusCodes.Status400BadRequest, "query-rejected", rejected.Reason).ConfigureAwait(false);
                break;
            case GroupFailure failure:
                await Responses.FailureAsync(context, failure).ConfigureAwait(false);
                break;
            case var other:
                await Responses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal", $"Unexpected answer {other.GetType().Name}.").ConfigureAwait(false);
                break;
        }
    }

    private static void SetPosition(HttpContext context, long index, long term)
    {
        context.Response.Headers["X-Index"] = index.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Term"] = term.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task WriteBytesAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task TooLargeAsync(HttpContext context, string error, long max) => Responses.ErrorAsync(
        context,
        StatusCodes.Status413PayloadTooLarge,
        error,
        $"A body must be at most {max.ToString(CultureInfo.InvariantCulture)} bytes (lithair.http.max-value-size).");
}
