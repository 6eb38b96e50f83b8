namespace LithairAkka.Actors.Tests;

public class AddressTests
{
    [Fact]
    public void Parse_LocalAddress_HasLocalScope()
    {
        var address = Address.Parse("akka://sys");

        Assert.True(address.HasLocalScope);
        Assert.Null(address.Host);
        Assert.Equal("akka://sys", address.ToString());
    }

    [Fact]
    public void Parse_RemoteAddress_HasHostAndPort()
    {
        var address = Address.Parse("akka.tcp://sys@127.0.0.1:4053");

        Assert.True(address.HasGlobalScope);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(4053, address.Port);
        Assert.Equal(new Address("akka.tcp", "sys", "127.0.0.1", 4053), address);
    }

    [Fact]
    public void Parse_Ipv6Host_KeepsBrackets()
    {
        var address = Address.Parse("akka.tcp://sys@[::1]:4053");

        Assert.Equal("[::1]", address.Host);
        Assert.Equal(4053, address.Port);
    }

    [Theory]
    [InlineData("sys")]
    [InlineData("akka://sys/user")]
    [InlineData("akka.tcp://sys@host:99999")]
    public void Parse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => Address.Parse(text));
}
