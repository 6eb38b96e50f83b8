using LithairAkka.Management.Bootstrap;

namespace LithairAkka.Management.Tests.Bootstrap;

public sealed class ContactPointTests
{
    [Theory]
    [InlineData("10.0.0.1:8600", "10.0.0.1", 8600)]
    [InlineData(" node-a ", "node-a", 8558)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("[::1]", "::1", 8558)]
    [InlineData("fe80::1", "fe80::1", 8558)]
    public void Parse_ValidEndpoint_GivesHostAndPort(string text, string host, int port)
    {
        var point = ContactPoint.Parse(text, 8558);

        Assert.Equal(new ContactPoint(host, port), point);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:http")]
    [InlineData("host:70000")]
    [InlineData(":8558")]
    public void Parse_BadEndpoint_Throws(string text) => Assert.Throws<FormatException>(() => ContactPoint.Parse(text, 8558));

    [Fact]
    public void SeedNodesUri_Ipv6_IsBracketed() =>
        Assert.Equal("http://[::1]:9000/bootstrap/seed-nodes", new ContactPoint("::1", 9000).SeedNodesUri.ToString());

    [Fact]
    public void CompareTo_SameHost_OrdersByPort() =>
        Assert.True(new ContactPoint("a", 2).CompareTo(new ContactPoint("a", 10)) < 0);
}
