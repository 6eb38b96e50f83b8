namespace LithairAkka.Cluster.Tests;

public sealed class AppVersionTests
{
    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.0.9", "1.1.0")]
    [InlineData("1.9.9", "2.0.0")]
    [InlineData("1.2.3-RC1", "1.2.3")]
    [InlineData("1.2.3-M1", "1.2.3-RC1")]
    [InlineData("1.2", "1.2.1")]
    [InlineData("2", "10")]
    [InlineData("1.2.3-SNAPSHOT", "1.2.4-SNAPSHOT")]
    [InlineData("1.2.3-RC1", "1.2.3-RC2")]
    [InlineData("0.0.0", "0.0.1")]
    public void CompareTo_OlderAndNewer_OrdersAsAkka(string older, string newer)
    {
        var a = AppVersion.Parse(older);
        var b = AppVersion.Parse(newer);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1", "1.0.0")]
    [InlineData(" 1.2.3 ", "1.2.3")]
    public void Equals_EquivalentText_AreEqual(string a, string b)
    {
        Assert.Equal(AppVersion.Parse(a), AppVersion.Parse(b));
        Assert.Equal(AppVersion.Parse(a).GetHashCode(), AppVersion.Parse(b).GetHashCode());
        Assert.True(AppVersion.Parse(a) == AppVersion.Parse(b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_Throws(string text) => Assert.Throws<FormatException>(() => AppVersion.Parse(text));

    [Fact]
    public void Parse_NonNumeric_ComparesAsZeroWithQualifier()
    {
        var text = AppVersion.Parse("abc");
        Assert.True(text < AppVersion.Zero);
        Assert.Equal("abc", text.ToString());
        Assert.True(AppVersion.TryParse("x.y", out var other));
        Assert.True(other < AppVersion.Parse("0.0.1"));
    }

    [Fact]
    public void ToString_Parsed_KeepsText() => Assert.Equal("2.0.0-RC1", AppVersion.Parse("2.0.0-RC1").ToString());

    [Fact]
    public void TryParse_Null_Fails() => Assert.False(AppVersion.TryParse(null, out _));
}
