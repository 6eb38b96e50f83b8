using System.Buffers;
using System.Text;
using LithairAkka.Actors.Serialization;
using LithairAkka.Remote.Endpoint;

namespace LithairAkka.Remote.Tests.Endpoint;

public sealed class RemoteEnvelopeTests
{
    [Theory]
    [InlineData(false, true, 1, "Some.Type, Some")]
    [InlineData(true, false, 22, "W")]
    [InlineData(false, false, -5, "")]
    [InlineData(false, true, 100_000, "x")]
    public void WriteHeaderThenTryParse_RoundTripsEveryField(bool isSystem, bool withSender, int serializerId, string manifest)
    {
        var recipient = "akka.tcp://sys@host:1/user/a#1"u8.ToArray();
        var sender = withSender ? "akka.tcp://sys@host:2/user/b#2"u8.ToArray() : [];
        using var buffer = new PooledByteBufferWriter();

        RemoteEnvelope.WriteHeader(buffer, isSystem, recipient, sender, serializerId, manifest);
        buffer.Write("payload"u8);

        Assert.True(RemoteEnvelope.TryParse(buffer.WrittenSpan, out var envelope));
        Assert.Equal(isSystem, envelope.IsSystem);
        Assert.Equal(withSender, envelope.HasSender);
        Assert.True(envelope.Recipient.SequenceEqual(recipient));
        Assert.True(envelope.Sender.SequenceEqual(sender));
        Assert.Equal(serializerId, envelope.SerializerId);
        Assert.Equal(manifest, Encoding.UTF8.GetString(envelope.Manifest));
        Assert.Equal("payload", Encoding.UTF8.GetString(envelope.Payload));
    }

    [Fact]
    public void TryParse_EveryTruncation_IsRejectedOrConsistent()
    {
        using var buffer = new PooledByteBufferWriter();
        RemoteEnvelope.WriteHeader(buffer, false, "akka.tcp://sys@h:1/user/a"u8, "akka.tcp://sys@h:2/user/b"u8, 1, "M");
        var headerLength = buffer.WrittenCount;

        for (var length = 0; length < headerLength; length++)
        {
            Assert.False(RemoteEnvelope.TryParse(buffer.WrittenSpan[..length], out _), $"a header cut at {length} bytes must be rejected");
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x01, 0x41, 0x02, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x02, 0x00 })]
    [InlineData(new byte[] { 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[] { 0x02, 0x01, 0x41, 0x00, 0x02, 0x00 })]
    public void TryParse_MalformedFrames_AreRejected(byte[] frame) =>
        Assert.False(RemoteEnvelope.TryParse(frame, out _));
}
