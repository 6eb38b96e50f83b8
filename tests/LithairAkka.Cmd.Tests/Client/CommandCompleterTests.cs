using LithairAkka.Cmd.BuiltIn;
using LithairAkka.Cmd.Client;

namespace LithairAkka.Cmd.Tests.Client;

public sealed class CommandCompleterTests
{
    private static readonly CommandCompleter Completer = new([ActorCommands.Definition, LogCommands.Definition, NodeCommands.Definition]);

    [Fact]
    public void Complete_EmptyLine_OffersPalettesAndPromptWords() =>
        Assert.Equal(["actor", "exit", "help", "log", "node", "quit"], Completer.Complete(string.Empty));

    [Fact]
    public void Complete_PartialPalette_OffersMatches() => Assert.Equal(["log"], Completer.Complete("lo"));

    [Fact]
    public void Complete_AfterPalette_OffersItsCommands() => Assert.Equal(["hierarchy", "system"], Completer.Complete("actor "));

    [Fact]
    public void Complete_PartialCommand_CaseInsensitive() => Assert.Equal(["hierarchy"], Completer.Complete("ACTOR h"));

    [Fact]
    public void Complete_AfterCommand_OffersSwitches() => Assert.Equal(["-d", "-s"], Completer.Complete("actor hierarchy "));

    [Fact]
    public void Complete_AfterHelp_OffersPalettes() => Assert.Equal(["node"], Completer.Complete("help n"));

    [Fact]
    public void Complete_UnknownPalette_NothingOffered() => Assert.Empty(Completer.Complete("nope "));

    [Fact]
    public void CommonPrefix_SharedStart_IsReturned() =>
        Assert.Equal("hie", CommandCompleter.CommonPrefix(["hierarchy", "hierarchies", "hie"]));

    [Fact]
    public void CommonPrefix_NoCandidates_Empty() => Assert.Equal(string.Empty, CommandCompleter.CommonPrefix([]));
}
