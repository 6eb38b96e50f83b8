namespace LithairAkka.Hocon.Tests;

/// <summary>Embedded resources and the injectable resource resolver.</summary>
public sealed partial class ConfigurationFactoryTests
{
    [Fact]
    public void FromResource_ReadsEmbeddedResourceAndItsIncludes()
    {
        var config = ConfigurationFactory.FromResource("test-reference.conf", typeof(ConfigurationFactoryTests).Assembly);

        Assert.True(config.GetBoolean("lithair.from-resource"));
        Assert.True(config.GetBoolean("lithair.included"));
        Assert.Equal(4053, config.GetInt("lithair.echo"));
        Assert.Equal("test-reference.conf", config.Origin);
    }

    [Fact]
    public void FromResource_FullManifestNameDeferred_ResolvesAgainstTheFallback()
    {
        var included = ConfigurationFactory.FromResource(
            "LithairAkka.Hocon.Tests.Resources.test-included.conf",
            typeof(ConfigurationFactoryTests).Assembly,
            Hocon.Options() with { OriginName = null, ResolveSubstitutions = false });

        var config = included.WithFallback(Hocon.Parse("lithair.port = 7"));

        Assert.True(config.GetBoolean("lithair.included"));
        Assert.Equal(7, config.GetInt("lithair.echo"));
        Assert.Equal("LithairAkka.Hocon.Tests.Resources.test-included.conf", included.Origin);
    }

    [Fact]
    public void FromResource_Missing_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(
            () => ConfigurationFactory.FromResource("absent.conf", typeof(ConfigurationFactoryTests).Assembly));

        Assert.StartsWith("Embedded resource 'absent.conf' not found in assembly LithairAkka.Hocon.Tests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ClasspathAndResource_UseTheResolver()
    {
        var resources = new Dictionary<string, string>
        {
            ["defaults.conf"] = "a = 1",
            ["other.conf"] = "b = 2",
            ["folder/inner.conf"] = "include \"sibling.conf\"",
            ["folder/sibling.conf"] = "c = 3",
        };
        var options = Hocon.Options() with { ResourceResolver = resources.GetValueOrDefault };

        var config = ConfigurationFactory.ParseString(
            "include classpath(\"defaults.conf\")\ninclude required(resource(\"other.conf\"))\ninclude resource(\"folder/inner.conf\")",
            options);

        Assert.Equal([1, 2, 3], new[] { "a", "b", "c" }.Select(key => config.GetInt(key)));
    }

    [Fact]
    public void Include_PlainNameNotOnDisk_FallsBackToTheResolver()
    {
        var options = Hocon.Options() with
        {
            BaseDirectory = _folder,
            ResourceResolver = name => name == "only-resource.conf" ? "r = 1" : null,
        };

        Assert.Equal(1, ConfigurationFactory.ParseString("include \"only-resource.conf\"", options).GetInt("r"));
    }

    [Fact]
    public void Include_RequiredResourceWithoutResolver_SaysSo()
    {
        var error = Hocon.Fails("include required(classpath(\"x.conf\"))");

        Assert.Contains("no resource resolver is configured", error.Message, StringComparison.Ordinal);
    }
}
