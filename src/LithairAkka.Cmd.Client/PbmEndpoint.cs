using System.Globalization;

namespace LithairAkka.Cmd.Client;

/// <summary>A command host's <c>host:port</c>, as typed after <c>pbm</c>.</summary>
internal readonly record struct PbmEndpoint(string Host, int Port)
{
    public static readonly PbmEndpoint Default = new("127.0.0.1", 9110);

    /// <summary>True when <paramref name="word"/> is meant as an endpoint (palette names never contain ':').</summary>
    public static bool LooksLikeEndpoint(string word) => word.Contains(':', StringComparison.Ordinal);

    /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>; the port must be 1 to 65535.</summary>
    public static bool TryParse(string text, out PbmEndpoint endpoint)
    {
        endpoint = default;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        endpoint = new PbmEndpoint(host, port);
        return true;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
