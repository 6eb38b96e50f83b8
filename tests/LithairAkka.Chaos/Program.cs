using LithairAkka.Chaos.Cli;

namespace LithairAkka.Chaos;

/// <summary>
/// Entry point: <c>check FILE</c> re-checks a recorded history offline; <c>run …</c> runs the workload and the nemesis
/// against a cluster driven by <c>ops/cluster.sh</c>; <c>totals PATH…</c> adds up the summaries of runs. Exit codes: 0 linearizable, 1 violation, 2 undecided (step
/// budget), 3 no operation answered (the cluster was not serving), 64 bad usage or input.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: LithairAkka.Chaos check FILE [--initial absent|unknown] [--budget STEPS] [--no-shrink]\n" +
        "       LithairAkka.Chaos run [--nodes N] [--seconds S] [--clients C] [--keys K] [--ops-per-key N] [--seed S]\n" +
        "                             [--out DIR] [--cluster-script PATH] [--timeout-ms MS] [--port-offset K]\n" +
        "                             [--faults KIND,…] [--no-nemesis] [--direct-faults]\n" +
        "       LithairAkka.Chaos totals PATH…   (summary.json files or directories holding them)";

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return args.FirstOrDefault() switch
            {
                "check" => CheckCommand.Run(args[1..], Console.Out),
                "run" => await RunCommand.RunAsync(args[1..], Console.Out, cancel.Token),
                "totals" => TotalsCommand.Run(args[1..], Console.Out),
                _ => Fail(Usage),
            };
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            return Fail("LithairAkka.Chaos: " + e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 64;
    }
}
