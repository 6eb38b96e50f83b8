using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Tests.Palettes;

public sealed class CommandPaletteTests
{
    [Fact]
    public void Validate_WellFormed_DoesNotThrow() =>
        new CommandPalette("ok", "Fine", [new CommandDefinition("go", "Go", [new CommandArgument("n", "N", Switch: "-n")])]).Validate();

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("-dash")]
    public void Validate_BadPaletteName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new CommandPalette(name, "x", [new CommandDefinition("go", "Go")]).Validate());

    [Fact]
    public void Validate_NoCommand_Throws() =>
        Assert.Throws<ArgumentException>(() => new CommandPalette("p", "x", []).Validate());

    [Fact]
    public void Validate_DuplicateCommand_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            new CommandPalette("p", "x", [new CommandDefinition("go", "a"), new CommandDefinition("GO", "b")]).Validate());

    [Fact]
    public void Validate_DuplicateSwitch_Throws() =>
        Assert.Throws<ArgumentException>(() => new CommandPalette("p", "x", [
            new CommandDefinition("go", "a", [new CommandArgument("a", "a", Switch: "-a"), new CommandArgument("b", "b", Switch: "-a")]),
        ]).Validate());

    [Theory]
    [InlineData("a")]
    [InlineData("--long")]
    [InlineData("-")]
    public void Validate_MalformedSwitch_Throws(string @switch) =>
        Assert.Throws<ArgumentException>(() => new CommandPalette("p", "x", [
            new CommandDefinition("go", "a", [new CommandArgument("a", "a", Switch: @switch)]),
        ]).Validate());

    [Fact]
    public void Validate_PositionalFlag_Throws() =>
        Assert.Throws<ArgumentException>(() => new CommandPalette("p", "x", [
            new CommandDefinition("go", "a", [new CommandArgument("f", "f", ArgumentType.Flag)]),
        ]).Validate());

    [Fact]
    public void Usage_MixedArguments_ShowsRequiredAndOptionalForms()
    {
        var command = new CommandDefinition("hierarchy", "h", [
            new CommandArgument("root", "r", IsRequired: true),
            new CommandArgument("path", "p", Switch: "-s"),
            new CommandArgument("all", "a", ArgumentType.Flag, Switch: "-a"),
        ]);

        Assert.Equal("hierarchy ROOT [-s PATH] [-a]", command.Usage());
    }
}
