namespace LithairAkka.Hocon.Tests;

public sealed partial class ConfigurationFactoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lithair-hocon-" + Guid.NewGuid().ToString("N"));

    public ConfigurationFactoryTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ParseFile_ReadsTheFile_OriginIsThePath()
    {
        var path = Write("node.conf", "akka.remote.port = 4053\n");

        var config = ConfigurationFactory.ParseFile(path);

        Assert.Equal(4053, config.GetInt("akka.remote.port"));
        Assert.Equal(path, config.Origin);
        Assert.Equal(path + ":1", config.GetValue("akka.remote.port")!.Origin);
    }

    [Fact]
    public void Load_IsParseFile()
    {
        var path = Write("app.conf", "a = 1");

        Assert.Equal(1, ConfigurationFactory.Load(path).GetInt("a"));
    }

    [Fact]
    public void ParseFile_Missing_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_folder, "absent.conf");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Equal($"Configuration file '{path}' cannot be read: not found", error.Message);
    }

    [Fact]
    public void ParseFile_SyntaxError_NamesFileLineAndColumn()
    {
        var path = Write("broken.conf", "a {\n  b = 1\n  c = [1, 2\n}\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(path));

        Assert.StartsWith($"{path}:4:1: expected ']' but found '}}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Origin);
    }

    [Fact]
    public void Include_PlainName_IsRelativeToTheIncludingFilesFolder()
    {
        Write("conf/main.conf", "include \"parts/remote.conf\"\nakka.loglevel = INFO");
        Write("conf/parts/remote.conf", "akka.remote.port = 1\ninclude \"more.conf\"");
        Write("conf/parts/more.conf", "akka.remote.host = h");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_folder, "conf/main.conf"));

        Assert.Equal(1, config.GetInt("akka.remote.port"));
        Assert.Equal("h", config.GetString("akka.remote.host"));
        Assert.Equal("INFO", config.GetString("akka.loglevel"));
    }

    [Fact]
    public void Include_FileAndRequiredForms_AllLoad()
    {
        Write("a.conf", "a = 1");
        Write("b.conf", "b = 2");
        Write("c.conf", "c = 3");
        var main = Write("main.conf", "include file(\"a.conf\")\ninclude required(\"b.conf\")\ninclude required( file( \"c.conf\" ) )");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal([1, 2, 3], new[] { "a", "b", "c" }.Select(key => config.GetInt(key)));
    }

    [Fact]
    public void Include_MissingOptionalFile_IsIgnored()
    {
        var main = Write("main.conf", "include \"nowhere.conf\"\ninclude file(\"nowhere-else.conf\")\na = 1");

        Assert.Equal(["a"], ConfigurationFactory.ParseFile(main).Keys);
    }

    [Fact]
    public void Include_MissingRequiredFile_ThrowsAtTheInclude()
    {
        var main = Write("main.conf", "a = 1\ninclude required(\"nowhere.conf\")");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.StartsWith($"{main}:2:1: include required(\"nowhere.conf\"): not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_MergesLikeDuplicateKeys()
    {
        Write("defaults.conf", "a { x = 1, y = 1 }\nb = included");
        var main = Write("main.conf", "a { x = 0, z = 0 }\ninclude \"defaults.conf\"\nb = main");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(0, config.GetInt("a.z"));
        Assert.Equal(1, config.GetInt("a.y"));
        Assert.Equal("main", config.GetString("b"));
    }

    [Fact]
    public void Include_InsideAnObject_FixesUpSubstitutions_SpecExample()
    {
        Write("foo.conf", "{ x : 10, y : ${x} }");
        var alone = Write("alone.conf", "a : { include \"foo.conf\" }");
        var redefined = Write("redefined.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");

        Assert.Equal(10, ConfigurationFactory.ParseFile(alone).GetInt("a.y"));
        Assert.Equal(42, ConfigurationFactory.ParseFile(redefined).GetInt("a.y"));
    }

    [Fact]
    public void Include_InsideAnObject_EnvironmentFallbackUsesTheUnprefixedName()
    {
        Write("env.conf", "port = ${?NODE_PORT}");
        var main = Write("main.conf", "akka.remote { include \"env.conf\" }");
        var options = Hocon.Options(("NODE_PORT", "4100")) with { OriginName = null };

        Assert.Equal(4100, ConfigurationFactory.ParseFile(main, options).GetInt("akka.remote.port"));
    }

    [Fact]
    public void Include_NameWithoutExtension_LoadsJsonThenConf()
    {
        Write("base.json", "{ \"a\": 1, \"b\": 1 }");
        Write("base.conf", "b = 2");
        var main = Write("main.conf", "include \"base\"");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Include_Cycle_Throws()
    {
        Write("one.conf", "include \"two.conf\"");
        Write("two.conf", "include \"one.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(Path.Combine(_folder, "one.conf")));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ArrayDocument_Throws()
    {
        Write("list.json", "[1, 2]");
        var main = Write("main.conf", "include \"list.json\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Contains("list.json:1:1: a configuration document must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFile()
    {
        Write("bad.conf", "ok = 1\nbroken = [\n");
        var main = Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Contains("bad.conf:3:1:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include 42")]
    [InlineData("include foo")]
    [InlineData("include url(\"http://example.org/x.conf\")")]
    [InlineData("include required(\"x.conf\"")]
    [InlineData("include file(required(\"x.conf\"))")]
    public void Include_MalformedStatements_Throw(string text)
    {
        Assert.Throws<ConfigurationException>(() => Hocon.Parse(text));
    }

    [Fact]
    public void ParseString_Include_UsesBaseDirectory()
    {
        Write("sub/x.conf", "x = 1");
        var options = new HoconParseOptions { BaseDirectory = Path.Combine(_folder, "sub") };

        Assert.Equal(1, ConfigurationFactory.ParseString("include \"x.conf\"", options).GetInt("x"));
    }
}
