namespace LithairAkka.Hocon.Tests;

/// <summary>WithFallback, AtPath, deferred resolution and Render.</summary>
public partial class ConfigTests
{
    [Fact]
    public void WithFallback_ThisWins_ObjectsMergeDeeply()
    {
        var app = Hocon.Parse("akka.remote.port = 1\nakka.loglevel = DEBUG");
        var reference = Hocon.Parse("akka { remote { port = 0, host = localhost }, loglevel = INFO, stdout = WARNING }");

        var merged = app.WithFallback(reference);

        Assert.Equal(1, merged.GetInt("akka.remote.port"));
        Assert.Equal("localhost", merged.GetString("akka.remote.host"));
        Assert.Equal("DEBUG", merged.GetString("akka.loglevel"));
        Assert.Equal("WARNING", merged.GetString("akka.stdout"));
    }

    [Fact]
    public void WithFallback_DoesNotChangeEitherInput()
    {
        var app = Hocon.Parse("a.x = 1");
        var reference = Hocon.Parse("a.y = 2");

        _ = app.WithFallback(reference);

        Assert.False(app.HasPath("a.y"));
        Assert.False(reference.HasPath("a.x"));
    }

    [Fact]
    public void WithFallback_OnlyAdjacentObjectsMerge_SpecExample()
    {
        var first = Hocon.Parse("a : { x : 1 }");
        var number = Hocon.Parse("a : 42");
        var other = Hocon.Parse("a : { y : 2 }");

        Assert.Equal(["x"], first.WithFallback(number).WithFallback(other).GetKeys("a"));
        Assert.Equal(["y", "x"], first.WithFallback(other).WithFallback(number).GetKeys("a"));
    }

    [Fact]
    public void WithFallback_SubstitutionInFallback_SeesTheOverride()
    {
        var reference = Hocon.Parse("akka.remote.port = 4053\nakka.remote.public-port = ${akka.remote.port}");
        var app = Hocon.Parse("akka.remote.port = 5000");

        var merged = app.WithFallback(reference);

        Assert.Equal(5000, merged.GetInt("akka.remote.public-port"));
        Assert.Equal(4053, reference.GetInt("akka.remote.public-port"));
    }

    [Fact]
    public void WithFallback_SelfReferenceInOverride_SeesTheFallbackValue()
    {
        var reference = Hocon.Parse("path = [ \"/bin\" ]");
        var app = Hocon.Parse("path = ${?path} [ \"/usr/bin\" ]");

        Assert.Equal(["/bin", "/usr/bin"], app.WithFallback(reference).GetStringList("path"));
    }

    [Fact]
    public void WithFallback_PlusEqualsInOverride_AppendsToTheFallbackList()
    {
        var reference = Hocon.Parse("akka.extensions = [ a ]");
        var app = Hocon.Parse("akka.extensions += b");

        Assert.Equal(["a", "b"], app.WithFallback(reference).GetStringList("akka.extensions"));
        Assert.Equal(["b"], app.GetStringList("akka.extensions"));
    }

    [Fact]
    public void WithFallback_LongChain_KeepsPriorityOrder()
    {
        var config = Hocon.Parse("v = 1");
        for (var i = 2; i <= 10; i++)
        {
            config = config.WithFallback(Hocon.Parse($"v = {i}\nk{i} = {i}\nref{i} = ${{v}}"));
        }

        Assert.Equal(1, config.GetInt("v"));
        Assert.Equal(10, config.GetInt("k10"));
        Assert.Equal(1, config.GetInt("ref7"));
    }

    [Fact]
    public void WithFallback_DeferredOverride_CanReferToFallbackKeys()
    {
        var app = ConfigurationFactory.ParseString(
            "greeting = \"hello \"${name}",
            new HoconParseOptions { ResolveSubstitutions = false, EnvironmentLookup = null });
        var reference = Hocon.Parse("name = world");

        Assert.False(app.IsResolved);
        var merged = app.WithFallback(reference);
        Assert.Equal("hello world", merged.GetString("greeting"));
        Assert.True(merged.IsResolved);
    }

    [Fact]
    public void Resolve_DeferredConfigWithMissingKey_ThrowsOnFirstRead()
    {
        var app = ConfigurationFactory.ParseString(
            "greeting = ${name}",
            new HoconParseOptions { ResolveSubstitutions = false, EnvironmentLookup = null });

        Assert.Throws<ConfigurationException>(() => app.Resolve());
        Assert.Throws<ConfigurationException>(() => app.GetString("greeting"));
    }

    [Fact]
    public void WithFallback_EmptySides_ReturnTheOther()
    {
        var config = Hocon.Parse("a = 1");

        Assert.Same(config, config.WithFallback(Config.Empty));
        Assert.Same(config, Config.Empty.WithFallback(config));
    }

    [Fact]
    public void WithFallback_OfSubConfigs_MergesResolvedValues()
    {
        var merged = Sample.GetConfig("akka.remote.dot-netty.tcp").WithFallback(Hocon.Parse("port = 1, maximum-frame-size = 128000b"));

        Assert.Equal(4053, merged.GetInt("port"));
        Assert.Equal(128_000, merged.GetByteSize("maximum-frame-size"));
    }

    [Fact]
    public void AtPath_WrapsTheConfig()
    {
        var wrapped = Hocon.Parse("port = 1\nhost = h").AtPath("akka.remote");

        Assert.Equal(["akka"], wrapped.Keys);
        Assert.Equal(1, wrapped.GetInt("akka.remote.port"));
    }

    [Fact]
    public void AtPath_KeepsSubstitutionsPointingAtTheSameValues()
    {
        var wrapped = Hocon.Parse("port = 1\npublic-port = ${port}").AtPath("akka.remote");
        var merged = Hocon.Parse("akka.remote.port = 2").WithFallback(wrapped);

        Assert.Equal(1, wrapped.GetInt("akka.remote.public-port"));
        Assert.Equal(2, merged.GetInt("akka.remote.public-port"));
    }

    [Fact]
    public void Render_ParsesBackToTheSameValues()
    {
        var rendered = Sample.Render();
        var reparsed = ConfigurationFactory.ParseString(rendered);

        Assert.Equal(rendered, reparsed.Render());
        Assert.Equal("json", reparsed.GetStringMap("akka.actor.serialization-bindings")["System.Object"]);
        Assert.Equal("1e3", reparsed.GetString("numbers.exp"));
        Assert.Equal(Sample.ToString(), rendered);
    }

    [Fact]
    public void Render_EmptyConfig_IsEmptyBraces()
    {
        Assert.Equal("{}\n", Config.Empty.Render());
    }
}
