namespace LithairAkka.Hocon.Tests;

/// <summary>Parsing shortcuts shared by the test classes: a fake environment instead of the real one.</summary>
internal static class Hocon
{
    public static Config Parse(string text, params (string Name, string Value)[] environment) =>
        ConfigurationFactory.ParseString(text, Options(environment));

    public static HoconParseOptions Options(params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        return new HoconParseOptions
        {
            EnvironmentLookup = name => variables.GetValueOrDefault(name),
            OriginName = "test.conf",
        };
    }

    public static ConfigurationException Fails(string text, params (string Name, string Value)[] environment) =>
        Assert.Throws<ConfigurationException>(() => Parse(text, environment));
}
