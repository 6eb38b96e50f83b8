using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote.Tests.Transport;

public sealed class RemoteAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:4053", "127.0.0.1", 4053)]
    [InlineData("Node-1.Example:1", "node-1.example", 1)]
    [InlineData("[::1]:65535", "::1", 65535)]
    [InlineData(" localhost:80 ", "localhost", 80)]
    public void Parse_ValidText_GivesHostAndPort(string text, string host, int port)
    {
        var address = RemoteAddress.Parse(text);

        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host")]
    [InlineData("host:")]
    [InlineData(":4053")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("::1:4053")]
    [InlineData("[::1]4053")]
    public void TryParse_MalformedText_ReturnsFalse(string text)
    {
        Assert.False(RemoteAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => RemoteAddress.Parse(text));
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        RemoteAddress[] addresses = [new("127.0.0.1", 4053), new("::1", 9), new("host", 1)];

        Assert.All(addresses, a => Assert.Equal(a, RemoteAddress.Parse(a.ToString())));
        Assert.Equal("[::1]:9", addresses[1].ToString());
    }

    [Fact]
    public void Equality_HostCase_Ignored()
    {
        Assert.Equal(new RemoteAddress("HOST", 1), new RemoteAddress("host", 1));
        Assert.NotEqual(new RemoteAddress("localhost", 1), new RemoteAddress("127.0.0.1", 1));
    }

    [Fact]
    public void CompareTo_OrdersByHostThenPort()
    {
        var a = new RemoteAddress("127.0.0.1", 4054);
        var b = new RemoteAddress("127.0.0.1", 4053);
        var c = new RemoteAddress("127.0.0.2", 1);

        Assert.True(b < a);
        Assert.True(a < c);
        Assert.True(c >= a);
        Assert.Equal(0, a.CompareTo(new RemoteAddress("127.0.0.1", 4054)));
    }
}
