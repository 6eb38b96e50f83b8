using System.Globalization;
using System.Text;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Groups;
using Microsoft.AspNetCore.Http;

namespace LithairAkka.Management.Api;

/// <summary>Parses and validates keys and query parameters; each failure names the parameter and the expected form.</summary>
internal static class QueryParameters
{
    public static bool TryGetKey(HttpContext context, out string key, out string? problem)
    {
        key = context.Request.RouteValues["key"] as string ?? string.Empty;
        var bytes = Encoding.UTF8.GetByteCount(key);
        problem = bytes == 0 || bytes > HttpSettings.MaxKeyBytes
            ? $"A key must be 1 to {HttpSettings.MaxKeyBytes} bytes of UTF-8, not {bytes}."
            : key.Any(char.IsControl) || key.Contains('\uFFFD', StringComparison.Ordinal)
                ? "A key must be valid UTF-8 without control characters."
                : null;
        return problem is null;
    }

    /// <summary>An optional non-negative integer; <paramref name="value"/> is null when absent.</summary>
    public static bool TryGetNonNegative(HttpContext context, string name, out long? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!context.Request.Query.TryGetValue(name, out var raw))
        {
            return true;
        }

        if (raw.Count == 1 && long.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = $"{name} must be one non-negative integer, not '{raw}'.";
        return false;
    }

    public static bool TryGetConsistency(HttpContext context, out ReadConsistency consistency, out string? problem)
    {
        problem = null;
        var raw = context.Request.Query["consistency"];
        consistency = raw.Count == 0 ? ReadConsistency.Linearizable : ((string?)raw) switch
        {
            "linearizable" => ReadConsistency.Linearizable,
            "leader" => ReadConsistency.Leader,
            "follower" => ReadConsistency.Follower,
            _ => (ReadConsistency)(-1),
        };
        if (Enum.IsDefined(consistency))
        {
            return true;
        }

        problem = $"consistency must be linearizable, leader or follower, not '{raw}'.";
        return false;
    }
}
