using System.Text.Json.Serialization.Metadata;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Json;
using Microsoft.AspNetCore.Http;

namespace LithairAkka.Management.Api;

/// <summary>Writes JSON answers with the source-generated serializers.</summary>
internal static class Responses
{
    public static Task JsonAsync<T>(HttpContext context, int status, T body, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, type, contentType: "application/json", context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string error, string? message = null) =>
        JsonAsync(context, status, new ErrorBody(error, message), ManagementJsonContext.Default.ErrorBody);

    public static Task FailureAsync(HttpContext context, GroupFailure failure) => failure switch
    {
        GroupFailure.NoLeader => ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "no-leader"),
        GroupFailure.OutcomeUnknown => ErrorAsync(
            context, StatusCodes.Status504GatewayTimeout, "outcome-unknown", "The leader stopped answering before the write was acknowledged; it may or may not be applied."),
        _ => ErrorAsync(context, StatusCodes.Status504GatewayTimeout, "timeout", "The group did not answer within lithair.http.request-timeout."),
    };
}
