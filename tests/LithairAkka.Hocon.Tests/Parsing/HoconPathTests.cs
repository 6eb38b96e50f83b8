using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon.Tests.Parsing;

public class HoconPathTests
{
    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("akka.remote.dot-netty.tcp", new[] { "akka", "remote", "dot-netty", "tcp" })]
    [InlineData("foo.bar.\"hello.world\"", new[] { "foo", "bar", "hello.world" })]
    [InlineData("a.\"\".b", new[] { "a", "", "b" })]
    [InlineData("10.0foo", new[] { "10", "0foo" })]
    [InlineData("foo10.0", new[] { "foo10", "0" })]
    [InlineData("foo\"10.0\"", new[] { "foo10.0" })]
    [InlineData("1.2.3", new[] { "1", "2", "3" })]
    [InlineData(" a b . c ", new[] { "a b ", " c" })]
    public void Parse_PathExpressions_SplitOnUnquotedDots(string text, string[] expected)
    {
        var path = HoconPath.Parse(text);

        Assert.Equal(expected, Enumerable.Range(0, path.Count).Select(i => path[i]));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("")]
    [InlineData("a.${b}")]
    [InlineData("a:b")]
    public void Parse_InvalidPaths_Throw(string text)
    {
        Assert.Throws<ConfigurationException>(() => HoconPath.Parse(text));
    }

    [Fact]
    public void ToString_QuotesElementsThatNeedIt()
    {
        var path = new HoconPath(["akka", "System.Object", "", "include", "x y", "trueish", "a-b_c"]);

        Assert.Equal("akka.\"System.Object\".\"\".\"include\".\"x y\".\"trueish\".a-b_c", path.ToString());
        Assert.Equal(7, HoconPath.Parse(path.ToString()).Count);
    }
}
