using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// The remoting address of a node: the host name (or IP literal) and TCP port it advertises to its peers
/// (<c>akka.remote.dot-netty.tcp.public-hostname</c> / <c>port</c>). One logical association exists per
/// <see cref="RemoteAddress"/>. Host names compare case-insensitively (they are stored in lower case);
/// no DNS resolution is involved in equality, so <c>localhost:4053</c> and <c>127.0.0.1:4053</c> differ.
/// </summary>
public readonly record struct RemoteAddress : IComparable<RemoteAddress>
{
    /// <summary>Creates an address.</summary>
    /// <param name="host">Host name or IP literal (IPv6 without brackets); stored in lower case.</param>
    /// <param name="port">TCP port, 1 to 65535.</param>
    /// <exception cref="ArgumentException">The host is empty or the port is out of range.</exception>
    public RemoteAddress(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host.Trim().ToLowerInvariant();
        Port = port;
    }

    /// <summary>The host name or IP literal, in lower case.</summary>
    public string Host { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>Parses <c>HOST:PORT</c> or <c>[IPV6]:PORT</c>.</summary>
    /// <exception cref="FormatException">The text is not an address.</exception>
    public static RemoteAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException($"'{text}' is not a remoting address; expected HOST:PORT");

    /// <summary>Parses <c>HOST:PORT</c> or <c>[IPV6]:PORT</c>, returning false on malformed input.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RemoteAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        string host;
        string portText;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 2 || close + 1 >= value.Length || value[close + 1] != ':')
            {
                return false;
            }

            host = value[1..close];
            portText = value[(close + 2)..];
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon <= 0 || value.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false;
            }

            host = value[..colon];
            portText = value[(colon + 1)..];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        address = new RemoteAddress(host, port);
        return true;
    }

    /// <summary>Orders by host (ordinal) then port; the handshake uses it to pick which of two simultaneous
    /// connections survives (the one initiated by the lower address).</summary>
    public int CompareTo(RemoteAddress other)
    {
        var byHost = string.CompareOrdinal(Host, other.Host);
        return byHost != 0 ? byHost : Port.CompareTo(other.Port);
    }

    /// <summary><c>HOST:PORT</c>, with brackets around an IPv6 literal.</summary>
    public override string ToString() =>
        Host is null ? string.Empty
        : Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Less-than by <see cref="CompareTo"/>.</summary>
    public static bool operator <(RemoteAddress left, RemoteAddress right) => left.CompareTo(right) < 0;

    /// <summary>Greater-than by <see cref="CompareTo"/>.</summary>
    public static bool operator >(RemoteAddress left, RemoteAddress right) => left.CompareTo(right) > 0;

    /// <summary>Less-or-equal by <see cref="CompareTo"/>.</summary>
    public static bool operator <=(RemoteAddress left, RemoteAddress right) => left.CompareTo(right) <= 0;

    /// <summary>Greater-or-equal by <see cref="CompareTo"/>.</summary>
    public static bool operator >=(RemoteAddress left, RemoteAddress right) => left.CompareTo(right) >= 0;
}
