using LithairAkka.Cmd.Client;

namespace LithairAkka.Cmd.Tests.Client;

public sealed class PbmEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9111", "127.0.0.1", 9111)]
    [InlineData("node-2.local:9112", "node-2.local", 9112)]
    [InlineData("[::1]:9110", "::1", 9110)]
    public void TryParse_ValidEndpoint_SplitsHostAndPort(string text, string host, int port)
    {
        Assert.True(PbmEndpoint.TryParse(text, out var endpoint));

        Assert.Equal(new PbmEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData(":9110")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("host:abc")]
    [InlineData("[]:9110")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(PbmEndpoint.TryParse(text, out _));

    [Theory]
    [InlineData("127.0.0.1:9110", true)]
    [InlineData("replication", false)]
    public void LooksLikeEndpoint_ColonMeansEndpoint(string word, bool expected) =>
        Assert.Equal(expected, PbmEndpoint.LooksLikeEndpoint(word));

    [Fact]
    public void ToString_Ipv6_Bracketed() => Assert.Equal("[::1]:9110", new PbmEndpoint("::1", 9110).ToString());
}
