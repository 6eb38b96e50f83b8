using System.Globalization;

namespace LithairAkka.Management.Bootstrap;

/// <summary>
/// A cluster bootstrap contact point: the management endpoint (<c>HOST:PORT</c>) of a node that may take part in
/// forming the cluster, probed at <c>GET /bootstrap/seed-nodes</c>. Ordered by host, then port. Immutable.
/// </summary>
/// <param name="Host">Host name or IP address of the management server.</param>
/// <param name="Port">Its port.</param>
public readonly record struct ContactPoint(string Host, int Port) : IComparable<ContactPoint>
{
    /// <summary>The probe URI of this contact point.</summary>
    public Uri SeedNodesUri => new(string.Create(CultureInfo.InvariantCulture, $"http://{FormatHost(Host)}:{Port}/bootstrap/seed-nodes"));

    /// <summary>Parses <c>HOST:PORT</c>, or <c>HOST</c> alone with <paramref name="fallbackPort"/>.</summary>
    /// <exception cref="FormatException">The text is not <c>HOST[:PORT]</c> with a port from 1 to 65535.</exception>
    public static ContactPoint Parse(string text, int fallbackPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        string host;
        string? portText = null;
        if (trimmed.StartsWith('['))
        {
            // [IPv6] or [IPv6]:PORT
            var close = trimmed.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? trimmed[1..close] : string.Empty;
            var rest = close > 0 ? trimmed[(close + 1)..] : string.Empty;
            portText = rest.StartsWith(':') ? rest[1..] : rest.Length == 0 ? null : rest;
        }
        else if (trimmed.Count(c => c == ':') == 1)
        {
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            host = trimmed[..colon];
            portText = trimmed[(colon + 1)..];
        }
        else
        {
            // A name, an IPv4 address, or a bare IPv6 literal: no port.
            host = trimmed;
        }

        var port = fallbackPort;
        if ((portText is not null && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
            || host.Length == 0 || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not HOST:PORT with a port from 1 to 65535.");
        }

        return new ContactPoint(host, port);
    }

    /// <inheritdoc />
    public int CompareTo(ContactPoint other)
    {
        var byHost = string.CompareOrdinal(Host, other.Host);
        return byHost != 0 ? byHost : Port.CompareTo(other.Port);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FormatHost(Host)}:{Port}");

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
}
