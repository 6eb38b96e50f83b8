using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.Examples;

/// <summary>The example palette, loaded the way a node loads it: from <c>petabridge.cmd.palettes</c>.</summary>
public sealed class DiagnosticsCommandsTests(Xunit.Abstractions.ITestOutputHelper output)
    : CmdTestKit(output, "petabridge.cmd.palettes = [\"LithairAkka.Cmd.Examples.DiagnosticsCommands, LithairAkka.Cmd.Examples\"]")
{
    [Fact]
    public async Task Ping_Count2_AnswersATableOfTwoRoundTrips()
    {
        var (completed, outputs) = await RunAsync("diagnostics", "ping", "-c", "2");

        Assert.True(completed.ExitCode == CmdExitCodes.Success, completed.Error);
        var table = Assert.Single(outputs);
        Assert.Equal(["seq", "actor", "latency-ms"], table.Columns);
        Assert.Equal(["1", "2"], table.Rows!.Select(r => r[0]));
        Assert.All(table.Rows!, r => Assert.EndsWith("/user", r[1], StringComparison.Ordinal));
        Assert.All(table.Rows!, r => Assert.True(double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public async Task Echo_Text_AnswersIt()
    {
        var (completed, outputs) = await RunAsync("diagnostics", "echo", "hello there");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.Equal("hello there", Assert.Single(outputs).Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task Ping_CountOutOfRange_FailsWithOneLine(string count)
    {
        var (completed, outputs) = await RunAsync("diagnostics", "ping", "-c", count);

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Equal($"-c must be from 1 to 100, not {count}.", completed.Error);
        Assert.Empty(outputs);
    }

    [Fact]
    public void Palettes_ConfiguredPalette_IsRegisteredAtStart() =>
        Assert.Contains(Cmd.Palettes, p => p.Name == "diagnostics");
}
