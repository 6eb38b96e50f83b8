using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Tests.StateMachines;

public sealed class CommandEnvelopeTests
{
    private static readonly HlcTimestamp Stamp = new(1_763_772_000_123, 4, new NodeId(3));

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void EncodeDecode_EveryCombination_RoundTrips(bool withRequest, bool withTimestamp)
    {
        var request = withRequest ? new ClientRequest("client-é", 42) : null;
        HlcTimestamp? stamp = withTimestamp ? Stamp : null;
        var envelope = new CommandEnvelope(request, new byte[] { 9, 8, 7 }, stamp);

        var encoded = envelope.Encode();
        var decoded = CommandEnvelope.Decode(encoded);
        var peeked = CommandEnvelope.TryReadTimestamp(encoded, out var peek);

        Assert.Equal(request, decoded.Request);
        Assert.Equal(stamp, decoded.Timestamp);
        Assert.Equal([9, 8, 7], decoded.Command.ToArray());
        Assert.Equal(withTimestamp, peeked);
        Assert.Equal(withTimestamp ? Stamp : default, peek);
    }

    [Fact]
    public void Decode_FormatWithoutTimestamps_StillDecodes()
    {
        // [flag=1][client id "c"][sequence 5][command]: what entries looked like before timestamps.
        byte[] old = [1, 1, (byte)'c', 5, 42];

        var decoded = CommandEnvelope.Decode(old);

        Assert.Equal(new ClientRequest("c", 5), decoded.Request);
        Assert.Null(decoded.Timestamp);
        Assert.Equal([42], decoded.Command.ToArray());
    }

    [Fact]
    public void Decode_UnknownFlags_Throws()
    {
        Assert.Throws<InvalidDataException>(() => CommandEnvelope.Decode(new byte[] { 0x80, 1 }));
    }

    [Fact]
    public void TryReadTimestamp_Truncated_ReturnsFalse()
    {
        var encoded = new CommandEnvelope(new ClientRequest("c", 1), ReadOnlyMemory<byte>.Empty, Stamp).Encode();

        Assert.False(CommandEnvelope.TryReadTimestamp(encoded.AsSpan(0, 5), out _));
    }
}
