using LithairAkka.Chaos.Cli;
using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"chaos-history-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    private void WriteHistory(params Operation[] history)
    {
        using var writer = new StreamWriter(_file);
        HistoryJson.Write(writer, history);
    }

    [Fact]
    public void Run_LinearizableFile_ExitsZero()
    {
        WriteHistory(Ops.Put(0, 0, 1, "a", 1), Ops.Get(1, 2, 3, "a", 1));
        var output = new StringWriter();

        Assert.Equal(0, CheckCommand.Run([_file], output));
        Assert.Equal("verdict: linearizable (2 operations, 1 keys: 1 linearizable, 0 not, 0 undecided)\n", output.ToString());
    }

    [Fact]
    public void Run_ViolatingFile_ExitsOneAndPrintsTheCounterexample()
    {
        WriteHistory(Ops.Put(0, 0, 1, "a", 1), Ops.Put(0, 2, 3, "b", 2), Ops.Get(1, 4, 5, "a", 1));
        var output = new StringWriter();

        Assert.Equal(1, CheckCommand.Run([_file], output));
        Assert.Contains("counterexample on key \"k\": 2 of 3 operations", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  key k: NOT linearizable, 3 operations", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownInitialState_AcceptsAPreexistingValue()
    {
        WriteHistory(Ops.Get(1, 4, 5, "old", 4));

        Assert.Equal(1, CheckCommand.Run([_file, "--no-shrink"], new StringWriter()));
        Assert.Equal(0, CheckCommand.Run([_file, "--initial", "unknown"], new StringWriter()));
    }

    [Fact]
    public void Run_BadArguments_Throw()
    {
        Assert.Throws<FormatException>(() => CheckCommand.Run([], new StringWriter()));
        Assert.Throws<FormatException>(() => CheckCommand.Run([_file, "--initial", "maybe"], new StringWriter()));
        Assert.Throws<FormatException>(() => CheckCommand.Run([_file, "--bogus", "1"], new StringWriter()));
    }
}
