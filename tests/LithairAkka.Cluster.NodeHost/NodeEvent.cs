using System.Diagnostics;
using System.Globalization;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// One line a node prints for a cluster event: <c>EVENT TIMESTAMP KIND SUBJECT DETAIL</c>. The timestamp is
/// <see cref="Stopwatch.GetTimestamp"/>, the machine's monotonic clock, so lines of different processes on one host
/// can be compared (failure-detection times are measured that way).
/// </summary>
/// <param name="Timestamp">Monotonic clock reading when the node saw the event.</param>
/// <param name="Kind">The event type, e.g. <c>MemberUp</c>, <c>UnreachableMember</c>, <c>LeaderChanged</c>.</param>
/// <param name="Subject">The member's address (or the leader's, or <c>-</c>).</param>
/// <param name="Detail">The member's status, or <c>-</c>.</param>
public sealed record NodeEvent(long Timestamp, string Kind, string Subject, string Detail)
{
    private const string Prefix = "EVENT ";

    /// <summary>The line for an event seen now.</summary>
    public static string Format(string kind, string subject, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Stopwatch.GetTimestamp()} {kind} {subject} {detail}");

    /// <summary>Parses an event line; other lines (logs) give null.</summary>
    public static NodeEvent? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[Prefix.Length..].Split(' ');
        return parts.Length == 4 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            ? new NodeEvent(timestamp, parts[1], parts[2], parts[3])
            : null;
    }
}
