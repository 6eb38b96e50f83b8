using LithairAkka.Hocon.Units;

namespace LithairAkka.Hocon.Tests.Units;

public class ByteSizeParserTests
{
    private const long Ki = 1024;
    private const long Mi = Ki * 1024;
    private const long Gi = Mi * 1024;
    private const long Ti = Gi * 1024;
    private const long Pi = Ti * 1024;
    private const long Ei = Pi * 1024;

    [Theory]
    [InlineData("128000", 128_000)]
    [InlineData("128000b", 128_000)]
    [InlineData("10 B", 10)]
    [InlineData("1 byte", 1)]
    [InlineData("2 bytes", 2)]
    [InlineData("1kB", 1_000)]
    [InlineData("1 kilobyte", 1_000)]
    [InlineData("2 kilobytes", 2_000)]
    [InlineData("1MB", 1_000_000)]
    [InlineData("1 MB", 1_000_000)]
    [InlineData("1 megabyte", 1_000_000)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("1 gigabytes", 1_000_000_000)]
    [InlineData("1TB", 1_000_000_000_000)]
    [InlineData("1PB", 1_000_000_000_000_000)]
    [InlineData("1EB", 1_000_000_000_000_000_000)]
    [InlineData("1k", Ki)]
    [InlineData("1K", Ki)]
    [InlineData("1Ki", Ki)]
    [InlineData("64KiB", 64 * Ki)]
    [InlineData("1 kibibyte", Ki)]
    [InlineData("3 kibibytes", 3 * Ki)]
    [InlineData("1M", Mi)]
    [InlineData("1m", Mi)]
    [InlineData("1Mi", Mi)]
    [InlineData("1MiB", Mi)]
    [InlineData("1 mebibyte", Mi)]
    [InlineData("1.5MiB", Mi + (Mi / 2))]
    [InlineData("1G", Gi)]
    [InlineData("1g", Gi)]
    [InlineData("1GiB", Gi)]
    [InlineData("1 gibibytes", Gi)]
    [InlineData("1T", Ti)]
    [InlineData("1t", Ti)]
    [InlineData("1TiB", Ti)]
    [InlineData("1P", Pi)]
    [InlineData("1PiB", Pi)]
    [InlineData("1E", Ei)]
    [InlineData("1e", Ei)]
    [InlineData("1EiB", Ei)]
    [InlineData("1 exbibyte", Ei)]
    public void TryParse_SpecTable_GivesTheSize(string text, long bytes)
    {
        Assert.True(ByteSizeParser.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("1 KB")]
    [InlineData("1 mb")]
    [InlineData("1 Kib")]
    [InlineData("1 kb")]
    [InlineData("lots")]
    [InlineData("1ZB")]
    [InlineData("1YiB")]
    [InlineData("16EiB")]
    public void TryParse_UnknownUnitOrOverflow_Fails(string text)
    {
        Assert.False(ByteSizeParser.TryParse(text, out _));
    }
}
