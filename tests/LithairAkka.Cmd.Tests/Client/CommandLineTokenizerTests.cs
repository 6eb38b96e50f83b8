using LithairAkka.Cmd.Client;

namespace LithairAkka.Cmd.Tests.Client;

public sealed class CommandLineTokenizerTests
{
    [Fact]
    public void Split_Spaces_SeparateWords() =>
        Assert.Equal(["actor", "hierarchy", "-d", "2"], CommandLineTokenizer.Split("  actor  hierarchy -d 2 "));

    [Fact]
    public void Split_Quotes_GroupWords() =>
        Assert.Equal(["greeter", "hello", "Ada Lovelace", "it's"], CommandLineTokenizer.Split("greeter hello 'Ada Lovelace' \"it's\""));

    [Fact]
    public void Split_BackslashEscapesSpace() =>
        Assert.Equal(["a b", "c"], CommandLineTokenizer.Split(@"a\ b c"));

    [Fact]
    public void Split_EmptyQuotes_YieldEmptyWord() =>
        Assert.Equal(["x", string.Empty], CommandLineTokenizer.Split("x \"\""));

    [Fact]
    public void Split_UnclosedQuote_Throws() =>
        Assert.Throws<FormatException>(() => CommandLineTokenizer.Split("say \"hello"));

    [Fact]
    public void Split_Blank_NoWords() => Assert.Empty(CommandLineTokenizer.Split("   "));
}
