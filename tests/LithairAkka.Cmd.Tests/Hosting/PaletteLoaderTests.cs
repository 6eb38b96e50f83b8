using LithairAkka.Cmd.Examples;
using LithairAkka.Cmd.Hosting;
using LithairAkka.Hocon;

namespace LithairAkka.Cmd.Tests.Hosting;

public sealed class PaletteLoaderTests
{
    [Fact]
    public void Resolve_ExamplePalette_GivesItsType() =>
        Assert.Equal(typeof(DiagnosticsCommands), PaletteLoader.Resolve("LithairAkka.Cmd.Examples.DiagnosticsCommands, LithairAkka.Cmd.Examples"));

    [Theory]
    [InlineData("No.Such.Type, NoSuchAssembly", "no such type")]
    [InlineData("System.String", "is not a concrete CommandPaletteHandler")]
    [InlineData("LithairAkka.Cmd.Palettes.CommandPaletteHandler, LithairAkka.Cmd", "is not a concrete CommandPaletteHandler")]
    [InlineData("LithairAkka.Cmd.Tests.Hosting.PaletteLoaderTests+NeedsAString, LithairAkka.Cmd.Tests", "needs a public constructor")]
    public void Resolve_BadEntry_ThrowsNamingTheKey(string typeName, string problem)
    {
        var ex = Assert.Throws<ConfigurationException>(() => PaletteLoader.Resolve(typeName));

        Assert.Contains("petabridge.cmd.palettes", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_UnknownPalette_ThrowsNamingTheKey()
    {
        var config = ConfigurationFactory.ParseString("petabridge.cmd.palettes = [\"Nope, Nope\"]");

        var ex = Assert.Throws<ConfigurationException>(() => PetabridgeCmdSettings.FromConfig(config));

        Assert.Contains("petabridge.cmd.palettes", ex.Message, StringComparison.Ordinal);
    }

    public sealed class NeedsAString(string name) : LithairAkka.Cmd.Palettes.CommandPaletteHandler(
        new LithairAkka.Cmd.Palettes.CommandPalette("needs-" + name, "A palette without a usable constructor", [new LithairAkka.Cmd.Palettes.CommandDefinition("run", "Runs")]))
    {
        public override Task ExecuteAsync(LithairAkka.Cmd.Palettes.CommandInvocation invocation, LithairAkka.Cmd.Palettes.CommandContext context, CancellationToken token) => Task.CompletedTask;
    }
}
