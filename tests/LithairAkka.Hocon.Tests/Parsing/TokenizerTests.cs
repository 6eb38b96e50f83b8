using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Tests.Parsing;

public class TokenizerTests
{
    private static List<(TokenKind Kind, string Text)> Lex(string text) =>
        [.. Tokenizer.Tokenize(text, "t").Select(t => (t.Kind, t.Text))];

    [Fact]
    public void Tokenize_Punctuation_ProducesOneTokenEach()
    {
        var kinds = Lex("{}[],:=+=").Select(t => t.Kind);

        Assert.Equal(
            [TokenKind.OpenBrace, TokenKind.CloseBrace, TokenKind.OpenBracket, TokenKind.CloseBracket, TokenKind.Comma,
             TokenKind.Colon, TokenKind.Equals, TokenKind.PlusEquals, TokenKind.End],
            kinds);
    }

    [Fact]
    public void Tokenize_Comments_AreDroppedButNewlinesKept()
    {
        var tokens = Lex("a # hash comment\nb // slash comment\nc");

        Assert.Equal(
            [(TokenKind.Unquoted, "a"), (TokenKind.Whitespace, " "), (TokenKind.Newline, "\n"), (TokenKind.Unquoted, "b"),
             (TokenKind.Whitespace, " "), (TokenKind.Newline, "\n"), (TokenKind.Unquoted, "c"), (TokenKind.End, "")],
            tokens);
    }

    [Fact]
    public void Tokenize_NumberFollowedByLetters_SplitsNumberAndUnquoted()
    {
        Assert.Equal([(TokenKind.Number, "10.0"), (TokenKind.Unquoted, "bar"), (TokenKind.End, "")], Lex("10.0bar"));
        Assert.Equal([(TokenKind.Number, "100"), (TokenKind.Unquoted, "ms"), (TokenKind.End, "")], Lex("100ms"));
    }

    [Fact]
    public void Tokenize_NumbersInsideUnquoted_StayPartOfTheString()
    {
        Assert.Equal([(TokenKind.Unquoted, "bar10.0"), (TokenKind.End, "")], Lex("bar10.0"));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("3.14", "3.14")]
    [InlineData("1e5", "1e5")]
    [InlineData("2.5E-3", "2.5E-3")]
    public void Tokenize_JsonNumbers_KeepTheirWrittenText(string text, string expected)
    {
        Assert.Equal([(TokenKind.Number, expected), (TokenKind.End, "")], Lex(text));
    }

    [Fact]
    public void Tokenize_LiteralPrefix_IsSplitFromTheRest()
    {
        Assert.Equal([(TokenKind.True, "true"), (TokenKind.Unquoted, "foo"), (TokenKind.End, "")], Lex("truefoo"));
        Assert.Equal([(TokenKind.Unquoted, "footrue"), (TokenKind.End, "")], Lex("footrue"));
    }

    [Fact]
    public void Tokenize_QuotedStringWithEscapes_DecodesThem()
    {
        var token = Tokenizer.Tokenize("\"a\\\"b\\\\c\\/d\\n\\t\\u0041\"", "t")[0];

        Assert.Equal(TokenKind.QuotedString, token.Kind);
        Assert.Equal("a\"b\\c/d\n\tA", token.Text);
    }

    [Fact]
    public void Tokenize_TripleQuotedString_KeepsNewlinesAndExtraQuotes()
    {
        var tokens = Tokenizer.Tokenize("\"\"\"line \\n one\nline \"two\"\"\"\"\" x", "t");

        Assert.Equal("line \\n one\nline \"two\"\"", tokens[0].Text);
        Assert.Equal(2, tokens[2].Line);
    }

    [Fact]
    public void Tokenize_Substitutions_DistinguishOptional()
    {
        var kinds = Lex("${a}${?b}").Select(t => t.Kind).ToList();

        Assert.Equal(TokenKind.Substitution, kinds[0]);
        Assert.Equal(TokenKind.OptionalSubstitution, kinds[3]);
    }

    [Fact]
    public void Tokenize_UnicodeSpaceSeparators_AreWhitespace()
    {
        var tokens = Lex("a\u00A0\u2007b\uFEFF");

        Assert.Equal([TokenKind.Unquoted, TokenKind.Whitespace, TokenKind.Unquoted, TokenKind.Whitespace, TokenKind.End], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_Positions_AreOneBasedLineAndColumn()
    {
        var tokens = Tokenizer.Tokenize("a = 1\n  b = 2", "t");
        var b = tokens.Single(t => t.Text == "b");

        Assert.Equal((2, 3), (b.Line, b.Column));
    }

    [Theory]
    [InlineData("a = `x`", '`')]
    [InlineData("a = x^y", '^')]
    [InlineData("a = what?", '?')]
    [InlineData("a = b!", '!')]
    [InlineData("a = b@c", '@')]
    [InlineData("a = b*c", '*')]
    [InlineData("a = b&c", '&')]
    [InlineData("a = b\\c", '\\')]
    [InlineData("a = $x", '$')]
    [InlineData("a = b+c", '+')]
    public void Tokenize_ReservedCharacterOutsideQuotes_Throws(string text, char reserved)
    {
        var error = Assert.Throws<ConfigurationException>(() => Tokenizer.Tokenize(text, "t"));

        Assert.Contains($"reserved character '{reserved}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_NewlineInsideQuotedString_ThrowsWithPosition()
    {
        var error = Assert.Throws<ConfigurationException>(() => Tokenizer.Tokenize("a = \"abc\ndef\"", "x.conf"));

        Assert.StartsWith("x.conf:1:5: newline in quoted string", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"abc")]
    [InlineData("\"\"\"abc\"\"")]
    [InlineData("\"bad \\q escape\"")]
    [InlineData("\"bad \\u12 escape\"")]
    public void Tokenize_MalformedStrings_Throw(string text)
    {
        Assert.Throws<ConfigurationException>(() => Tokenizer.Tokenize(text, "t"));
    }

    [Fact]
    public void Tokenize_UnquotedStopsAtDoubleSlash_SingleSlashIsText()
    {
        Assert.Equal([(TokenKind.Unquoted, "a/b"), (TokenKind.End, "")], Lex("a/b//comment"));
    }
}
