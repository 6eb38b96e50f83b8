using LithairAkka.Hocon.Units;

namespace LithairAkka.Hocon.Tests.Units;

public class DurationParserTests
{
    [Theory]
    [InlineData("150", 150 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1.5", 15_000)]
    [InlineData("150ms", 150 * TimeSpan.TicksPerMillisecond)]
    [InlineData("150 ms", 150 * TimeSpan.TicksPerMillisecond)]
    [InlineData("  150 ms  ", 150 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2 millis", 2 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1 millisecond", TimeSpan.TicksPerMillisecond)]
    [InlineData("3 milliseconds", 3 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1s", TimeSpan.TicksPerSecond)]
    [InlineData("1 s", TimeSpan.TicksPerSecond)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("1 second", TimeSpan.TicksPerSecond)]
    [InlineData("5 seconds", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("2 minutes", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1 minute", TimeSpan.TicksPerMinute)]
    [InlineData("4h", 4 * TimeSpan.TicksPerHour)]
    [InlineData("1 hour", TimeSpan.TicksPerHour)]
    [InlineData("2 hours", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3d", 3 * TimeSpan.TicksPerDay)]
    [InlineData("1 day", TimeSpan.TicksPerDay)]
    [InlineData("7 days", 7 * TimeSpan.TicksPerDay)]
    [InlineData("100us", 1000)]
    [InlineData("1 microsecond", 10)]
    [InlineData("5 micros", 50)]
    [InlineData("2 microseconds", 20)]
    [InlineData("500ns", 5)]
    [InlineData("100 nanoseconds", 1)]
    [InlineData("1 nanosecond", 0)]
    [InlineData("1e3", 1000 * TimeSpan.TicksPerMillisecond)]
    [InlineData("-1s", -TimeSpan.TicksPerSecond)]
    public void TryParse_SpecUnits_GiveTheDuration(string text, long ticks)
    {
        Assert.True(DurationParser.TryParse(text, allowInfinite: false, out var value));
        Assert.Equal(ticks, value.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("soon")]
    [InlineData("10 MS")]
    [InlineData("10 Seconds")]
    [InlineData("10 sec")]
    [InlineData("10 weeks")]
    [InlineData("1 2 s")]
    [InlineData("infinite")]
    [InlineData("99999999999999999999 d")]
    public void TryParse_InvalidText_Fails(string text)
    {
        Assert.False(DurationParser.TryParse(text, allowInfinite: false, out _));
    }

    [Fact]
    public void TryParse_Infinite_OnlyWhenAllowed()
    {
        Assert.True(DurationParser.TryParse("infinite", allowInfinite: true, out var value));
        Assert.Equal(Timeout.InfiniteTimeSpan, value);
    }
}
