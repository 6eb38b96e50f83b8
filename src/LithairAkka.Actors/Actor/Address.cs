using System.Globalization;

namespace LithairAkka.Actors;

/// <summary>
/// The location of an actor system: protocol, system name and, for remotely reachable systems, host and port
/// (<c>akka://sys</c>, <c>akka.tcp://sys@host:2552</c>). Immutable and thread-safe; equality is by value.
/// </summary>
public sealed record Address
{
    /// <summary>Creates an address.</summary>
    /// <param name="protocol">The scheme, e.g. <c>akka</c> or <c>akka.tcp</c>.</param>
    /// <param name="system">The actor system name.</param>
    /// <param name="host">The host, or <see langword="null"/> for a local-only address.</param>
    /// <param name="port">The port, or <see langword="null"/> for a local-only address.</param>
    /// <exception cref="ArgumentException">When protocol or system is empty.</exception>
    public Address(string protocol, string system, string? host = null, int? port = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(system);
        Protocol = protocol;
        System = system;
        Host = host;
        Port = port;
    }

    /// <summary>The scheme, e.g. <c>akka</c> or <c>akka.tcp</c>.</summary>
    public string Protocol { get; }

    /// <summary>The actor system name.</summary>
    public string System { get; }

    /// <summary>The host, or <see langword="null"/> for a local address.</summary>
    public string? Host { get; }

    /// <summary>The port, or <see langword="null"/> for a local address.</summary>
    public int? Port { get; }

    /// <summary>True when the address carries no host, i.e. names a system reachable only in-process.</summary>
    public bool HasLocalScope => Host is null;

    /// <summary>True when the address carries a host, i.e. is reachable from other processes.</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>Formats the address as <c>protocol://system[@host[:port]]</c>.</summary>
    public override string ToString()
    {
        if (Host is null)
        {
            return string.Concat(Protocol, "://", System);
        }

        return Port is { } port
            ? string.Concat(Protocol, "://", System, "@", Host, ":", port.ToString(CultureInfo.InvariantCulture))
            : string.Concat(Protocol, "://", System, "@", Host);
    }

    /// <summary>Parses <c>protocol://system[@host[:port]]</c>.</summary>
    /// <exception cref="FormatException">When the text is not a valid address.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var address, out var rest) || rest.Length != 0)
        {
            throw new FormatException($"'{text}' is not a valid actor system address (expected protocol://system[@host:port]).");
        }

        return address;
    }

    /// <summary>Tries to parse an address prefix of <paramref name="text"/>; <paramref name="rest"/> receives the path after it.</summary>
    /// <returns>True when an address was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Address? address, out ReadOnlySpan<char> rest)
    {
        address = null;
        rest = default;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var protocol = text[..schemeEnd];
        var afterScheme = text[(schemeEnd + 3)..];
        var pathStart = afterScheme.IndexOf('/');
        var authority = pathStart < 0 ? afterScheme : afterScheme[..pathStart];
        rest = pathStart < 0 ? [] : afterScheme[pathStart..];
        var at = authority.IndexOf('@');
        if (at < 0)
        {
            if (authority.IsEmpty)
            {
                return false;
            }

            address = new Address(protocol.ToString(), authority.ToString());
            return true;
        }

        var system = authority[..at];
        var hostPort = authority[(at + 1)..];
        if (system.IsEmpty || hostPort.IsEmpty)
        {
            return false;
        }

        var colon = hostPort.LastIndexOf(':');
        if (hostPort[0] == '[')
        {
            // IPv6 literal: [::1]:2552
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            colon = close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? close + 1 : -1;
        }

        if (colon < 0)
        {
            address = new Address(protocol.ToString(), system.ToString(), hostPort.ToString());
            return true;
        }

        if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        address = new Address(protocol.ToString(), system.ToString(), hostPort[..colon].ToString(), port);
        return true;
    }
}
