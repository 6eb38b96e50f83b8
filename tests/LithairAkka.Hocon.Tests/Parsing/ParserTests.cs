namespace LithairAkka.Hocon.Tests.Parsing;

public partial class ParserTests
{
    [Fact]
    public void Parse_RootWithoutBraces_IsAnObject()
    {
        var config = Hocon.Parse("a = 1\nb = two");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
    }

    [Fact]
    public void Parse_RootWithBraces_IsTheSame()
    {
        Assert.Equal(Hocon.Parse("a = 1, b = 2").Render(), Hocon.Parse("{ a = 1, b = 2 }").Render());
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndByteOrderMark_AreWhitespace()
    {
        var config = Hocon.Parse("\uFEFFa = foo bar\r\nb = [1,\r\n2]\r\n");

        Assert.Equal("foo bar", config.GetString("a"));
        Assert.Equal(["1", "2"], config.GetStringList("b"));
    }

    [Fact]
    public void Parse_EmptyDocument_IsAnEmptyObject()
    {
        Assert.True(Hocon.Parse("  \n # only a comment\n").IsEmpty);
    }

    [Fact]
    public void Parse_ValidJson_GivesTheJsonTree()
    {
        var config = Hocon.Parse("""{ "a": { "b": [1, 2.5, "x", true, null] }, "c": false }""");
        var list = (HoconArray)config.GetValue("a.b")!;

        Assert.Equal(
            [HoconValueType.Number, HoconValueType.Number, HoconValueType.String, HoconValueType.Boolean, HoconValueType.Null],
            list.Select(v => v.Type));
        Assert.False(config.GetBoolean("c"));
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    [InlineData("a =\n 1")]
    public void Parse_Separators_AllWork(string text)
    {
        Assert.Equal(1, Hocon.Parse(text).GetInt("a"));
    }

    [Fact]
    public void Parse_KeyFollowedByBrace_NeedsNoSeparator()
    {
        var config = Hocon.Parse("foo { bar { baz = 3 } }");

        Assert.Equal(3, config.GetInt("foo.bar.baz"));
    }

    [Fact]
    public void Parse_NewlinesAndTrailingCommas_SeparateFieldsAndElements()
    {
        var config = Hocon.Parse("a = [1,2,3,]\nb = [1\n2\n3]\nc { x = 1, }\nd = 4,");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["1", "2", "3"], config.GetStringList("b"));
        Assert.Equal(1, config.GetInt("c.x"));
        Assert.Equal(4, config.GetInt("d"));
    }

    [Theory]
    [InlineData("a = [1,2,3,,]")]
    [InlineData("a = [,1,2,3]")]
    [InlineData("a = [1,,2,3]")]
    [InlineData("a = 1,,b = 2")]
    [InlineData(",a = 1")]
    [InlineData("{ a = 1 ,, }")]
    public void Parse_BadCommas_Throw(string text)
    {
        var error = Hocon.Fails(text);

        Assert.Contains("unexpected ','", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DottedKey_ExpandsToNestedObjects()
    {
        var config = Hocon.Parse("a.x : 42, a.y : 43\nfoo.bar.baz = 1");

        Assert.Equal(["x", "y"], config.GetKeys("a"));
        Assert.Equal(1, config.GetConfig("foo").GetConfig("bar").GetInt("baz"));
    }

    [Fact]
    public void Parse_QuotedKey_IsOneElementEvenWithDots()
    {
        var config = Hocon.Parse("\"a.b\" = 1\nfoo.bar.\"hello.world\" = 2");

        Assert.Equal(["a.b", "foo"], config.Keys);
        Assert.Equal(2, config.GetInt("foo.bar.\"hello.world\""));
        Assert.False(config.HasPath("a.b"));
    }

    [Fact]
    public void Parse_KeysThatLookLikeOtherTypes_AreStrings()
    {
        var config = Hocon.Parse("true : 42\n4 : 43\n3.14 : 44\n10.0foo : 45\nfoo10.0 : 46\nfoo\"10.0\" : 47\n1.2.3 : 48");

        Assert.Equal(42, config.GetInt("\"true\""));
        Assert.Equal(43, config.GetInt("\"4\""));
        Assert.Equal(44, config.GetInt("\"3\".\"14\""));
        Assert.Equal(45, config.GetInt("\"10\".\"0foo\""));
        Assert.Equal(46, config.GetInt("foo10.\"0\""));
        Assert.Equal(47, config.GetInt("\"foo10.0\""));
        Assert.Equal(48, config.GetInt("\"1\".\"2\".\"3\""));
    }

    [Fact]
    public void Parse_WhitespaceInsideKey_IsKept()
    {
        Assert.Equal(42, Hocon.Parse("a b c : 42").GetInt("\"a b c\""));
    }

    [Fact]
    public void Parse_EmptyQuotedPathElement_IsAllowed()
    {
        Assert.Equal(1, Hocon.Parse("a.\"\".b = 1").GetInt("a.\"\".b"));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Parse_EmptyUnquotedPathElement_Throws(string text)
    {
        Assert.Contains("empty element", Hocon.Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateObjects_Merge()
    {
        var config = Hocon.Parse("foo : { a : 42 }\nfoo : { b : 43 }");

        Assert.Equal(42, config.GetInt("foo.a"));
        Assert.Equal(43, config.GetInt("foo.b"));
    }

    [Fact]
    public void Parse_DuplicateNonObject_LaterWins()
    {
        Assert.Equal(2, Hocon.Parse("a = 1\na = 2").GetInt("a"));
    }

    [Fact]
    public void Parse_NullBetweenObjects_PreventsTheMerge()
    {
        var config = Hocon.Parse("foo : { a : 42 },\nfoo : null,\nfoo : { b : 43 }");

        Assert.Equal(["b"], config.GetKeys("foo"));
    }

    [Fact]
    public void Parse_ObjectAfterScalar_Replaces_ScalarAfterObject_Replaces()
    {
        var config = Hocon.Parse("a = 1\na { x = 1 }\nb { x = 1 }\nb = 2");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Parse_DottedKeysAndBlocks_MergeTogether()
    {
        var config = Hocon.Parse("akka.remote.port = 1\nakka { remote { host = h }, loglevel = INFO }\nakka.remote.port = 2");

        Assert.Equal(2, config.GetInt("akka.remote.port"));
        Assert.Equal("h", config.GetString("akka.remote.host"));
        Assert.Equal("INFO", config.GetString("akka.loglevel"));
    }

    [Fact]
    public void Parse_IncludeOnlyAtKeyStart_IsSpecial()
    {
        var config = Hocon.Parse("{ foo include : 42, bar : include, \"include\" : 1, list = [ include ] }");

        Assert.Equal(42, config.GetInt("\"foo include\""));
        Assert.Equal("include", config.GetString("bar"));
        Assert.Equal(1, config.GetInt("\"include\""));
        Assert.Equal(["include"], config.GetStringList("list"));
    }

    [Fact]
    public void Parse_ArrayAtRoot_Throws()
    {
        Assert.Contains("must be an object", Hocon.Fails("[1, 2]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LargeDocument_ParsesEveryField()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            builder.Append("section").Append(i % 20).Append(".key").Append(i).Append(" = \"value ").Append(i).Append("\" # note\n");
        }

        var config = Hocon.Parse(builder.ToString());

        Assert.Equal(20, config.Keys.Count);
        Assert.Equal("value 599", config.GetString("section19.key599"));
    }
}
