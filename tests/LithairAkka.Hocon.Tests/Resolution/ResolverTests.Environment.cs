namespace LithairAkka.Hocon.Tests.Resolution;

/// <summary>Falling back to (injected) environment variables.</summary>
public partial class ResolverTests
{
    [Fact]
    public void Resolve_AbsentPath_FallsBackToTheEnvironment()
    {
        var config = Hocon.Parse("node-id = 0\nnode-id = ${?LITHAIR_NODE_ID}\nhome = ${HOME}", ("LITHAIR_NODE_ID", "3"), ("HOME", "/h"));

        Assert.Equal(3, config.GetInt("node-id"));
        Assert.Equal("/h", config.GetString("home"));
        Assert.Equal("environment variable HOME", config.GetValue("home")!.Origin);
    }

    [Fact]
    public void Resolve_PathInConfig_WinsOverTheEnvironment()
    {
        Assert.Equal("config", Hocon.Parse("HOME = config\nh = ${HOME}", ("HOME", "env")).GetString("h"));
    }

    [Fact]
    public void Resolve_EmptyEnvironmentVariable_CountsAsUnset()
    {
        var config = Hocon.Parse("a = default\na = ${?EMPTY}", ("EMPTY", string.Empty));

        Assert.Equal("default", config.GetString("a"));
    }

    [Fact]
    public void Resolve_RequiredUnsetVariable_NamesTheVariable()
    {
        var error = Hocon.Fails("a = ${LITHAIR_MISSING}");

        Assert.Contains("no environment variable 'LITHAIR_MISSING' is set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EnvironmentValues_AreStringsConvertedOnRead()
    {
        var config = Hocon.Parse("port = ${P}\nflag = ${F}\ntimeout = ${T}", ("P", "4053"), ("F", "on"), ("T", "5 s"));

        Assert.Equal(HoconValueType.String, config.GetValue("port")!.Type);
        Assert.Equal(4053, config.GetInt("port"));
        Assert.True(config.GetBoolean("flag"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("timeout"));
    }

    [Fact]
    public void Resolve_NullEnvironmentLookup_DisablesTheFallback()
    {
        var options = new HoconParseOptions { EnvironmentLookup = null };

        Assert.False(ConfigurationFactory.ParseString("a = ${?PATH}", options).HasPath("a"));
    }

    [Fact]
    public void Resolve_DefaultOptions_ReadTheRealEnvironment()
    {
        var name = "LITHAIR_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "real");
        try
        {
            Assert.Equal("real", ConfigurationFactory.ParseString($"a = ${{{name}}}").GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
