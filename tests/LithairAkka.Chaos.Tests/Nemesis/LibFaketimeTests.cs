using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class LibFaketimeTests
{
    [Theory]
    [InlineData(90, "FAKETIME=+90s")]
    [InlineData(-75, "FAKETIME=-75s")]
    [InlineData(0, "FAKETIME=+0s")]
    public void Prefix_Offset_PreloadsTheLibraryWithTheOffsetAndRealMonotonicTime(int seconds, string expected)
    {
        var prefix = LibFaketime.Prefix("/lib/libfaketimeMT.so.1", TimeSpan.FromSeconds(seconds));

        Assert.StartsWith("env LD_PRELOAD=/lib/libfaketimeMT.so.1 ", prefix, StringComparison.Ordinal);
        Assert.Contains(" " + expected + " ", prefix, StringComparison.Ordinal);
        Assert.Contains("FAKETIME_DONT_FAKE_MONOTONIC=1", prefix, StringComparison.Ordinal);
        Assert.Contains("FAKETIME_FORCE_MONOTONIC_FIX=0", prefix, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Always_ReturnsAnExistingFileOrNull()
    {
        var found = LibFaketime.Find();

        Assert.True(found is null || File.Exists(found));
    }
}
