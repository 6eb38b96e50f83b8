using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Tests.Palettes;

public sealed class CommandLineParserTests
{
    private static readonly IReadOnlyDictionary<string, CommandPaletteHandler> Handlers =
        new Dictionary<string, CommandPaletteHandler>(StringComparer.OrdinalIgnoreCase) { ["demo"] = new DemoHandler() };

    private static CommandInvocation Parse(params string[] words) => CommandLineParser.Parse(words, Handlers).Invocation;

    private static string Error(params string[] words) =>
        Assert.Throws<CommandUsageException>(() => CommandLineParser.Parse(words, Handlers)).Message;

    [Fact]
    public void Parse_PositionalsAndSwitches_BindsEveryValue()
    {
        var invocation = Parse("demo", "run", "target-1", "-n", "42", "--verbose");

        Assert.Equal("run", invocation.Command.Name);
        Assert.Equal("target-1", invocation.GetString("target"));
        Assert.Equal(42, invocation.GetInt64("count"));
        Assert.True(invocation.HasFlag("verbose"));
    }

    [Fact]
    public void Parse_LongFormWithEquals_BindsValue()
    {
        var invocation = Parse("demo", "run", "t", "--count=7");

        Assert.Equal(7, invocation.GetInt64("count"));
        Assert.False(invocation.HasFlag("verbose"));
    }

    [Fact]
    public void Parse_NegativeNumberAsPositional_IsNotTakenForASwitch()
    {
        Assert.Equal("-3", Parse("demo", "run", "-3").GetString("target"));
    }

    [Fact]
    public void Parse_CaseInsensitiveNamesAndAllowedValues_NormalisesValue()
    {
        var invocation = Parse("DEMO", "Level", "warning");

        Assert.Equal("WARNING", invocation.GetString("level"));
    }

    [Fact]
    public void Parse_UnknownPalette_NamesItAndPointsToHelp() =>
        Assert.Equal("Unknown command 'nope'; run 'help' to list commands.", Error("nope", "x"));

    [Fact]
    public void Parse_NoWords_AsksForACommand() =>
        Assert.Contains("No command given", Error(), StringComparison.Ordinal);

    [Fact]
    public void Parse_PaletteWithoutCommand_ListsItsCommands() =>
        Assert.Equal("'demo' needs a command: run, level.", Error("demo"));

    [Fact]
    public void Parse_UnknownCommand_ListsThePalettesCommands() =>
        Assert.Equal("Unknown command 'demo jump'; 'demo' has: run, level.", Error("demo", "jump"));

    [Fact]
    public void Parse_MissingRequired_NamesTheArgument() =>
        Assert.StartsWith("Missing argument TARGET for 'demo run'", Error("demo", "run"), StringComparison.Ordinal);

    [Fact]
    public void Parse_IntegerNotANumber_NamesSwitchAndExpectation() =>
        Assert.Equal("Bad value 'abc' for -n of 'demo run': expected an integer.", Error("demo", "run", "t", "-n", "abc"));

    [Fact]
    public void Parse_ValueOutsideAllowed_ListsAllowedValues() =>
        Assert.Equal("Bad value 'loud' for LEVEL of 'demo level': expected one of DEBUG, WARNING.", Error("demo", "level", "loud"));

    [Fact]
    public void Parse_UnknownSwitch_ShowsUsage() =>
        Assert.Equal(
            "Unknown option '-x' for 'demo run'; usage: demo run TARGET [-n COUNT] [-v].",
            Error("demo", "run", "t", "-x"));

    [Fact]
    public void Parse_SwitchWithoutValue_SaysItNeedsOne() =>
        Assert.Equal("Option '-n' of 'demo run' needs a value (COUNT).", Error("demo", "run", "t", "-n"));

    [Fact]
    public void Parse_FlagWithValue_IsRefused() =>
        Assert.Equal("Option '--verbose' of 'demo run' takes no value.", Error("demo", "run", "t", "--verbose=yes"));

    [Fact]
    public void Parse_ExtraPositional_IsRefused() =>
        Assert.StartsWith("Unexpected argument 'extra' for 'demo run'", Error("demo", "run", "t", "extra"), StringComparison.Ordinal);

    [Fact]
    public void Parse_SameSwitchTwice_IsRefused() =>
        Assert.Equal("-n given twice for 'demo run'.", Error("demo", "run", "t", "-n", "1", "-n", "2"));

    private sealed class DemoHandler() : CommandPaletteHandler(new CommandPalette("demo", "Demo", [
        new CommandDefinition("run", "Runs", [
            new CommandArgument("target", "What", IsRequired: true),
            new CommandArgument("count", "How many", ArgumentType.Integer, Switch: "-n"),
            new CommandArgument("verbose", "Talk", ArgumentType.Flag, Switch: "-v"),
        ]),
        new CommandDefinition("level", "Levels", [new CommandArgument("level", "Which", AllowedValues: ["DEBUG", "WARNING"])]),
    ]))
    {
        public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token) => Task.CompletedTask;
    }
}
