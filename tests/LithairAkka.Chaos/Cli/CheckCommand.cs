using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Cli;

/// <summary><c>check FILE [--initial absent|unknown] [--budget STEPS] [--no-shrink]</c>: re-checks a recorded history.</summary>
internal static class CheckCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = new Arguments(args, "--no-shrink");
        parsed.RejectUnknown("--initial", "--budget");
        if (parsed.Positional.Count != 1)
        {
            throw new FormatException("check expects exactly one history file.");
        }

        var initial = parsed.String("--initial", "absent") switch
        {
            "absent" => InitialState.Absent,
            "unknown" => InitialState.Unknown,
            var other => throw new FormatException($"--initial expects absent or unknown, got '{other}'."),
        };
        var options = new CheckerOptions
        {
            Initial = initial,
            StepBudget = parsed.Int("--budget", 20_000_000, 1, int.MaxValue),
            Shrink = !parsed.Has("--no-shrink"),
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        var history = HistoryJson.ReadFile(parsed.Positional[0]);
        var result = LinearizabilityChecker.Check(history, options);
        output.Write(result.Format());
        return ExitCode(result.Verdict);
    }

    public static int ExitCode(Verdict verdict) => verdict switch
    {
        Verdict.Linearizable => 0,
        Verdict.NotLinearizable => 1,
        _ => 2,
    };
}
