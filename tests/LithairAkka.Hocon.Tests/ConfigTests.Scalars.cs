namespace LithairAkka.Hocon.Tests;

/// <summary>Typed getters, conversions and their error messages.</summary>
public partial class ConfigTests
{
    [Fact]
    public void GetString_ConvertsScalars()
    {
        Assert.Equal("INFO", Sample.GetString("akka.loglevel"));
        Assert.Equal("42", Sample.GetString("numbers.int"));
        Assert.Equal("1e3", Sample.GetString("numbers.exp"));
        Assert.Equal("true", Sample.GetString("flags.t"));
    }

    [Fact]
    public void GetString_OnObject_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetString("akka.remote"));

        Assert.Contains("holds an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt_ReadsNumbersAndNumericStrings()
    {
        Assert.Equal(42, Sample.GetInt("numbers.int"));
        Assert.Equal(-7, Sample.GetInt("numbers.negative"));
        Assert.Equal(17, Sample.GetInt("numbers.text"));
        Assert.Equal(1000, Sample.GetInt("numbers.exp"));
        Assert.Equal(5, Sample.GetInt("numbers.absent", 5));
        Assert.Equal(5, Sample.GetInt("nothing", 5));
    }

    [Fact]
    public void GetInt_Missing_NamesPathAndExpectedType()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetInt("akka.remote.port"));

        Assert.Equal("Configuration key 'akka.remote.port' is missing (expected an integer)", error.Message);
        Assert.Equal("akka.remote.port", error.Path);
    }

    [Fact]
    public void GetInt_WrongType_NamesPathValueExpectedTypeAndOrigin()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetInt("numbers.word"));

        Assert.Equal(
            "Configuration key 'numbers.word' has value \"abc\" at node.conf:13 (expected an integer between -2147483648 and 2147483647)",
            error.Message);
        Assert.Equal("numbers.word", error.Path);
        Assert.Equal("node.conf", error.Origin);
        Assert.Equal(13, error.Line);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void GetInt_NullValue_SaysNull()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetInt("nothing"));

        Assert.StartsWith("Configuration key 'nothing' is null at node.conf:15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt_OutOfRangeOrFraction_Throws()
    {
        Assert.Throws<ConfigurationException>(() => Sample.GetInt("numbers.big"));
        Assert.Throws<ConfigurationException>(() => Sample.GetInt("numbers.not-int"));
        Assert.Throws<ConfigurationException>(() => Sample.GetInt("flags.t"));
    }

    [Fact]
    public void GetLong_ReadsLargeIntegers()
    {
        Assert.Equal(9_000_000_000L, Sample.GetLong("numbers.big"));
        Assert.Equal(3L, Sample.GetLong("numbers.absent", 3L));
        Assert.Throws<ConfigurationException>(() => Sample.GetLong("numbers.not-int"));
    }

    [Fact]
    public void GetDouble_ReadsNumbersAndNumericStrings()
    {
        Assert.Equal(2.5, Sample.GetDouble("numbers.real"));
        Assert.Equal(1000.0, Sample.GetDouble("numbers.exp"));
        Assert.Equal(17.0, Sample.GetDouble("numbers.text"));
        Assert.Equal(0.5, Sample.GetDouble("numbers.absent", 0.5));
        Assert.Throws<ConfigurationException>(() => Sample.GetDouble("numbers.word"));
    }

    [Fact]
    public void GetBoolean_ReadsTheSixWords()
    {
        Assert.True(Sample.GetBoolean("flags.t"));
        Assert.False(Sample.GetBoolean("flags.f"));
        Assert.True(Sample.GetBoolean("flags.yes"));
        Assert.False(Sample.GetBoolean("flags.off"));
        Assert.True(Sample.GetBoolean("flags.upper"));
        Assert.True(Sample.GetBoolean("flags.absent", true));
    }

    [Fact]
    public void GetBoolean_OtherWords_Throw()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sample.GetBoolean("flags.bad"));

        Assert.Contains("\"maybe\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDefault_OnWrongType_StillThrows()
    {
        Assert.Throws<ConfigurationException>(() => Sample.GetInt("numbers.word", 1));
        Assert.Throws<ConfigurationException>(() => Sample.GetString("akka.remote", "x"));
    }
}
