using System.Globalization;

namespace LithairAkka.Remote.PingPongHost;

/// <summary>
/// A node for multi-process remoting tests and the remote ping-pong benchmark.
/// <list type="bullet">
/// <item><c>serve [--port N] [--hostname H] [--echoes N] [--system NAME]</c> (default): an actor system with remoting, echo actors at
/// <c>/user/echo-0</c> .. <c>echo-{N-1}</c>, its address printed as <c>ADDRESS akka.tcp://…</c>; runs until stdin closes.</item>
/// <item><c>bench [--clients 1,10] [--repeat 100000] [--window 50] [--runs 3]</c>: starts a <c>serve</c> child
/// process and measures remote ping-pong throughput against it, as Akka.NET's RemotePingPong does.</item>
/// </list>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "serve";
        var options = Options.Parse(args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)));
        try
        {
            return mode switch
            {
                "serve" => await PingPongServer.RunAsync(options).ConfigureAwait(false),
                "bench" => await PingPongBenchmark.RunAsync(options).ConfigureAwait(false),
                _ => Usage($"unknown mode '{mode}'"),
            };
        }
        catch (FormatException e)
        {
            return Usage(e.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"pingpong-host: {problem}");
        Console.Error.WriteLine("usage: serve [--port N] [--hostname H] [--echoes N] [--system NAME] | bench [--clients 1,10] [--repeat N] [--window N] [--runs N]");
        return 2;
    }
}

/// <summary>Command-line options, <c>--name value</c>.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                throw new FormatException($"expected --name value, got '{name}'");
            }

            values[name[2..]] = e.Current;
        }

        return new Options(values);
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"--{name} must be a number, got '{text}'")
            : fallback;

    public int[] GetInts(string name, int[] fallback) =>
        _values.TryGetValue(name, out var text)
            ? [.. text.Split(',').Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"--{name} must be numbers, got '{text}'"))]
            : fallback;
}
