namespace LithairAkka.Hocon.Tests.Parsing;

/// <summary>Syntax errors name origin, line and column.</summary>
public partial class ParserTests
{
    [Fact]
    public void Parse_UnclosedObject_ReportsOriginLineAndColumn()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString(
            "a {\n  b = 1\n",
            new HoconParseOptions { OriginName = "node.conf" }));

        Assert.StartsWith("node.conf:3:1: expected '}' but found end of input", error.Message, StringComparison.Ordinal);
        Assert.Equal("node.conf", error.Origin);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Parse_UnbalancedClosingBrace_Throws()
    {
        var error = Hocon.Fails("a = 1\n}");

        Assert.StartsWith("test.conf:2:1: unbalanced '}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedArray_Throws()
    {
        Assert.Contains("expected ']' but found end of input", Hocon.Fails("a = [1, 2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyWithoutValue_ReportsTheKey()
    {
        var error = Hocon.Fails("ok = 1\nlonely\n");

        Assert.StartsWith("test.conf:2:7: expected ':', '=', '+=' or '{' after key 'lonely' but found newline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeparatorWithoutValue_Throws()
    {
        Assert.Contains("expected a value but found '}'", Hocon.Fails("a { b = }").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoFieldsOnOneLineWithoutComma_Throws()
    {
        var error = Hocon.Fails("a { x = 1 } b = 2");

        Assert.StartsWith("test.conf:1:15: unexpected '='", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SubstitutionInKey_Throws()
    {
        Assert.Contains("not allowed in keys", Hocon.Fails("${a} = 1").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootBracesFollowedByMore_Throws()
    {
        Assert.Contains("after the root object", Hocon.Fails("{ a = 1 }\nb = 2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedSubstitution_Throws()
    {
        Assert.Contains("to close the substitution", Hocon.Fails("a = ${b\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptySubstitution_Throws()
    {
        Assert.Contains("empty substitution", Hocon.Fails("a = ${ }").Message, StringComparison.Ordinal);
    }
}
