namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// A cluster node for the multi-process tests and the cluster benchmarks.
/// <list type="bullet">
/// <item><c>node [--port N] [--seeds self|HOST:PORT,…] [--profile fast|tuned|default] [--cookie C] [--roles a,b]</c>:
/// one cluster member; prints <c>ADDRESS …</c>, then one <c>EVENT …</c> line per cluster event (see
/// <see cref="NodeEvent"/>), and obeys commands on stdin (see <see cref="NodeCommands"/>). Closing stdin leaves the
/// cluster gracefully; being downed shuts the node down (exit code 0 after <c>TERMINATED</c>).</item>
/// <item><c>detect [--nodes 5] [--trials 5] [--profile default|tuned]</c>: failure-detection time, SIGKILL of one node
/// to <c>UnreachableMember</c> on every survivor, and to its removal.</item>
/// <item><c>converge [--nodes 5] [--systems 25] [--trials 3]</c>: gossip convergence time of N node processes, and of
/// M actor systems in this process.</item>
/// </list>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "node";
        try
        {
            var options = HostArguments.Parse(args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)));
            return mode switch
            {
                "node" => await ClusterNode.RunAsync(options).ConfigureAwait(false),
                "detect" => await DetectionBenchmark.RunAsync(options).ConfigureAwait(false),
                "converge" => await ConvergenceBenchmark.RunAsync(options).ConfigureAwait(false),
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
        Console.Error.WriteLine($"cluster-node-host: {problem}");
        Console.Error.WriteLine("usage: node [--port N] [--seeds self|HOST:PORT,...] [--profile fast|tuned|default] [--cookie C] [--roles a,b]");
        Console.Error.WriteLine("     | detect [--nodes N] [--trials N] [--profile default|tuned] | converge [--nodes N] [--systems N] [--trials N]");
        return 2;
    }
}
