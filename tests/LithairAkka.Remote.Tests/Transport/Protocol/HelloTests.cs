using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Tests.Transport.Protocol;

public sealed class HelloTests
{
    private static Hello Sample => new(Hello.CurrentVersion, -123456789L, 128000, Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(),
        new RemoteAddress("node-ü.example", 4053), "système");

    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var hello = Sample;

        Assert.True(Hello.TryDecode(hello.Encode(), out var decoded));

        Assert.NotNull(decoded);
        Assert.Equal(hello.Uid, decoded.Uid);
        Assert.Equal(hello.MaximumFrameSize, decoded.MaximumFrameSize);
        Assert.Equal(hello.Nonce, decoded.Nonce);
        Assert.Equal(hello.Address, decoded.Address);
        Assert.Equal(hello.SystemName, decoded.SystemName);
    }

    [Fact]
    public void TryReadVersion_OtherVersion_StillReadsMagicAndVersion()
    {
        var body = (Sample with { Version = 9 }).Encode();

        Assert.True(Hello.TryReadVersion(body, out var version));
        Assert.Equal(9, version);
    }

    [Fact]
    public void TryDecode_Truncated_ReturnsFalseAtEveryLength()
    {
        var body = Sample.Encode();

        for (var length = 0; length < body.Length; length++)
        {
            Assert.False(Hello.TryDecode(body.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void TryDecode_BadMagic_ReturnsFalse()
    {
        var body = Sample.Encode();
        body[1] = (byte)'X';

        Assert.False(Hello.TryReadVersion(body, out _));
        Assert.False(Hello.TryDecode(body, out _));
    }
}
