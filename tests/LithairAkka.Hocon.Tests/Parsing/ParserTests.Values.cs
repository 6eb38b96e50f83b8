namespace LithairAkka.Hocon.Tests.Parsing;

/// <summary>Strings, numbers, literals and value concatenation.</summary>
public partial class ParserTests
{
    [Fact]
    public void Parse_UnquotedConcatenation_KeepsInnerWhitespaceTrimsOuter()
    {
        var config = Hocon.Parse("a =   foo bar  baz   \nb = \"foo bar  baz\"");

        Assert.Equal("foo bar  baz", config.GetString("a"));
        Assert.Equal(config.GetString("b"), config.GetString("a"));
    }

    [Fact]
    public void Parse_ConcatenationOfMixedSimpleValues_IsAString()
    {
        var config = Hocon.Parse("a = true foo\nb = 1e5 x\nc = null \"quoted\"\nd = 10.0bar");

        Assert.Equal("true foo", config.GetString("a"));
        Assert.Equal("1e5 x", config.GetString("b"));
        Assert.Equal("null quoted", config.GetString("c"));
        Assert.Equal("10.0bar", config.GetString("d"));
        Assert.Equal(HoconValueType.String, config.GetValue("a")!.Type);
    }

    [Fact]
    public void Parse_SingleValues_KeepTheirType()
    {
        var config = Hocon.Parse("a = true\nb = 1e5\nc = null\nd = -12\ne = \"x\"");

        Assert.Equal(HoconValueType.Boolean, config.GetValue("a")!.Type);
        Assert.Equal(HoconValueType.Number, config.GetValue("b")!.Type);
        Assert.Equal("1e5", ((HoconScalar)config.GetValue("b")!).Text);
        Assert.Equal(HoconValueType.Null, config.GetValue("c")!.Type);
        Assert.Equal(-12, config.GetInt("d"));
        Assert.Equal(HoconValueType.String, config.GetValue("e")!.Type);
    }

    [Fact]
    public void Parse_UnquotedStringsWithAllowedPunctuation_AreKept()
    {
        var config = Hocon.Parse("a = akka.tcp/user-path_1;x%y~z'()<>|\nb = -foo");

        Assert.Equal("akka.tcp/user-path_1;x%y~z'()<>|", config.GetString("a"));
        Assert.Equal("-foo", config.GetString("b"));
    }

    [Fact]
    public void Parse_UnquotedDottedNumbers_AreStrings()
    {
        var config = Hocon.Parse("host = 127.0.0.1\nversion = 1.2.3\ndate = 2024-01-01\nweird = 1.");

        Assert.Equal("127.0.0.1", config.GetString("host"));
        Assert.Equal("1.2.3", config.GetString("version"));
        Assert.Equal("2024-01-01", config.GetString("date"));
        Assert.Equal("1.", config.GetString("weird"));
        Assert.Equal(HoconValueType.String, config.GetValue("host")!.Type);
    }

    [Fact]
    public void Parse_UnquotedColonInValue_ThrowsAndSuggestsQuotes()
    {
        var error = Hocon.Fails("url = http://example.org");

        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TripleQuotedValue_IsVerbatim()
    {
        var config = Hocon.Parse("text = \"\"\"first\n  second \\n \"quoted\" \"\"\"\nnext = 1");

        Assert.Equal("first\n  second \\n \"quoted\" ", config.GetString("text"));
        Assert.Equal(1, config.GetInt("next"));
    }

    [Fact]
    public void Parse_ArrayConcatenation_JoinsArrays()
    {
        Assert.Equal(["1", "2", "3", "4"], Hocon.Parse("a : [ 1, 2 ] [ 3, 4 ]").GetStringList("a"));
    }

    [Fact]
    public void Parse_ObjectConcatenation_MergesObjects()
    {
        var config = Hocon.Parse("a : { b : 1 } { c : 2 }\nd : { x : 1 } { x : 2 }");

        Assert.Equal(["b", "c"], config.GetKeys("a"));
        Assert.Equal(2, config.GetInt("d.x"));
    }

    [Fact]
    public void Parse_ArraysWithoutCommasOrNewlines_Concatenate()
    {
        var config = Hocon.Parse("a = [ 1 2 3 4 ]\nb = [ [ 1, 2 ] [ 3, 4 ] ]\nc = [ [ 1, 2 ]\n [ 3, 4 ] ]");

        Assert.Equal(["1 2 3 4"], config.GetStringList("a"));
        Assert.Single((HoconArray)config.GetValue("b")!);
        Assert.Equal(2, ((HoconArray)config.GetValue("c")!).Count);
    }

    [Theory]
    [InlineData("a = [1] foo")]
    [InlineData("a = { x = 1 } [1]")]
    [InlineData("a = foo { x = 1 }")]
    public void Parse_MixedConcatenation_Throws(string text)
    {
        Assert.Contains("cannot concatenate", Hocon.Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConcatenationNeverSpansANewline()
    {
        var config = Hocon.Parse("a = [ foo\n bar ]");

        Assert.Equal(["foo", "bar"], config.GetStringList("a"));
    }
}
