namespace LithairAkka.Hocon.Tests;

/// <summary>GetTimeSpan and GetByteSize on configurations.</summary>
public partial class ConfigTests
{
    private static readonly Config Units = Hocon.Parse(
        "plain = 150\nshort = 150ms\nspaced = 150 ms\nseconds = 1 s\nminutes = 2 minutes\ndays = 3d\nmicros = 100us\n" +
        "forever = infinite\nbytes = 128000b\nkilo = 1k\nkibi = 64KiB\nmega = 1M\nmegaDecimal = 1 MB\nbad = soon\nsize = 1MB");

    [Fact]
    public void GetTimeSpan_ReadsUnits()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(150), Units.GetTimeSpan("plain"));
        Assert.Equal(TimeSpan.FromMilliseconds(150), Units.GetTimeSpan("short"));
        Assert.Equal(TimeSpan.FromMilliseconds(150), Units.GetTimeSpan("spaced"));
        Assert.Equal(TimeSpan.FromSeconds(1), Units.GetTimeSpan("seconds"));
        Assert.Equal(TimeSpan.FromMinutes(2), Units.GetTimeSpan("minutes"));
        Assert.Equal(TimeSpan.FromDays(3), Units.GetTimeSpan("days"));
        Assert.Equal(TimeSpan.FromMicroseconds(100), Units.GetTimeSpan("micros"));
        Assert.Equal(TimeSpan.FromSeconds(9), Units.GetTimeSpan("absent", TimeSpan.FromSeconds(9)));
    }

    [Fact]
    public void GetTimeSpan_Infinite_OnlyWhereAllowed()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, Units.GetTimeSpan("forever", allowInfinite: true));
        Assert.Equal(Timeout.InfiniteTimeSpan, Units.GetTimeSpan("forever", TimeSpan.Zero, allowInfinite: true));
        var error = Assert.Throws<ConfigurationException>(() => Units.GetTimeSpan("forever"));
        Assert.Contains("\"infinite\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTimeSpan_Invalid_NamesTheExpectedForm()
    {
        var error = Assert.Throws<ConfigurationException>(() => Units.GetTimeSpan("bad"));

        Assert.Contains("expected a duration such as 150ms", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.conf:14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetByteSize_ReadsUnits()
    {
        Assert.Equal(128_000, Units.GetByteSize("bytes"));
        Assert.Equal(1024, Units.GetByteSize("kilo"));
        Assert.Equal(65_536, Units.GetByteSize("kibi"));
        Assert.Equal(1_048_576, Units.GetByteSize("mega"));
        Assert.Equal(1_000_000, Units.GetByteSize("megaDecimal"));
        Assert.Equal(150, Units.GetByteSize("plain"));
        Assert.Equal(7, Units.GetByteSize("absent", 7));
        Assert.Throws<ConfigurationException>(() => Units.GetByteSize("bad"));
    }
}
