namespace LithairAkka.Hocon.Tests.Resolution;

public partial class ResolverTests
{
    [Fact]
    public void Resolve_SimpleSubstitution_KeepsTheType()
    {
        var config = Hocon.Parse("a = 42\nb = ${a}\nc = { x = 1 }\nd = ${c}\ne = [1, 2]\nf = ${e}");

        Assert.Equal(HoconValueType.Number, config.GetValue("b")!.Type);
        Assert.Equal(1, config.GetInt("d.x"));
        Assert.Equal(["1", "2"], config.GetStringList("f"));
    }

    [Fact]
    public void Resolve_ForwardReference_SeesTheFinalValue()
    {
        var config = Hocon.Parse("a = ${b}\nb = 1\nb = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Resolve_SubstitutionInStringConcatenation_BuildsAString()
    {
        var config = Hocon.Parse("animal.favorite = dog\nkey : ${animal.favorite} is my favorite animal\nkey2 : ${animal.favorite}\" is my favorite animal\"");

        Assert.Equal("dog is my favorite animal", config.GetString("key"));
        Assert.Equal("dog is my favorite animal", config.GetString("key2"));
    }

    [Fact]
    public void Resolve_NumberAndBooleanSubstitutionsInConcatenation_UseTheirText()
    {
        var config = Hocon.Parse("port = 4053\non = true\naddress = \"host:\"${port}\nflag = x${on}");

        Assert.Equal("host:4053", config.GetString("address"));
        Assert.Equal("xtrue", config.GetString("flag"));
    }

    [Fact]
    public void Resolve_SubstitutionsAreNotParsedInQuotedStrings()
    {
        Assert.Equal("${a}", Hocon.Parse("a = 1\nb = \"${a}\"").GetString("b"));
    }

    [Fact]
    public void Resolve_ChainOfSubstitutions_IsFollowed()
    {
        var config = Hocon.Parse("a = ${b}\nb = ${c}\nc = ${d.e}\nd.e = final");

        Assert.Equal("final", config.GetString("a"));
    }

    [Fact]
    public void Resolve_MissingRequiredSubstitution_ThrowsWithPosition()
    {
        var error = Hocon.Fails("a = 1\nb = ${nope.nothing}");

        Assert.StartsWith("test.conf:2:5: could not resolve substitution ${nope.nothing}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Resolve_MissingOptionalSubstitution_RemovesTheField()
    {
        var config = Hocon.Parse("a = ${?nope}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Resolve_MissingOptionalSubstitution_KeepsThePreviousValue()
    {
        Assert.Equal(10, Hocon.Parse("port = 10\nport = ${?NODE_PORT}").GetInt("port"));
    }

    [Fact]
    public void Resolve_MissingOptionalSubstitutionInArray_AddsNoElement()
    {
        Assert.Equal(["1", "3"], Hocon.Parse("a = [1, ${?nope}, 3]").GetStringList("a"));
    }

    [Fact]
    public void Resolve_MissingOptionalSubstitutionNextToString_BecomesEmpty()
    {
        var config = Hocon.Parse("a = ${?nope}foo\nb = ${?x}${?y}\nc = ${?x}[1]");

        Assert.Equal("foo", config.GetString("a"));
        Assert.False(config.HasPath("b"));
        Assert.Equal(["1"], config.GetStringList("c"));
    }

    [Fact]
    public void Resolve_ExplicitNull_IsFoundAndStopsTheEnvironmentLookup()
    {
        var config = Hocon.Parse("HOME = null\nhome = ${HOME}\nseen = ${?HOME}", ("HOME", "/home/me"));

        Assert.Equal(HoconValueType.Null, config.GetValue("home")!.Type);
        Assert.False(config.HasPath("home"));
        Assert.True(config.GetValue("seen") is { Type: HoconValueType.Null });
    }

    [Fact]
    public void Resolve_NullInStringConcatenation_IsTheTextNull()
    {
        Assert.Equal("x null", Hocon.Parse("n = null\na = x ${n}").GetString("a"));
    }

    [Fact]
    public void Resolve_ObjectInheritance_MergesTheSubstitutedObject()
    {
        var config = Hocon.Parse("data-center-generic = { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = \"east\" }");

        Assert.Equal(6, config.GetInt("data-center-east.cluster-size"));
        Assert.Equal("east", config.GetString("data-center-east.name"));
    }

    [Fact]
    public void Resolve_SubstitutedObjectWithString_Throws()
    {
        var error = Hocon.Fails("o = { x = 1 }\na = ${o} foo");

        Assert.Contains("cannot concatenate an object with a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WhitespaceBetweenSubstitutedArrays_IsIgnored()
    {
        Assert.Equal(["1", "2"], Hocon.Parse("a = [1]\nb = [2]\nc = ${a} ${b}").GetStringList("c"));
    }

    [Fact]
    public void Resolve_WhitespaceBetweenSubstitutedStrings_IsKept()
    {
        Assert.Equal("x  y", Hocon.Parse("a = x\nb = y\nc = ${a}  ${b}").GetString("c"));
    }

    [Fact]
    public void Resolve_SubstitutionIntoArrayElements_Works()
    {
        var config = Hocon.Parse("host = h\nseeds = [ \"akka.tcp://sys@\"${host}\":1\", ${host} ]");

        Assert.Equal(["akka.tcp://sys@h:1", "h"], config.GetStringList("seeds"));
    }

    [Fact]
    public void Resolve_QuotedPathInSubstitution_IsOneElement()
    {
        Assert.Equal(1, Hocon.Parse("a { \"b.c\" = 1 }\nd = ${a.\"b.c\"}").GetInt("d"));
    }
}
