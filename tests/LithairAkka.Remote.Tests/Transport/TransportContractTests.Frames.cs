using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport;

public abstract partial class TransportContractTests
{
    private const int MaximumFrameSize = 128000;

    [Fact]
    public async Task TrySend_SizesFromZeroToMaximum_ArriveIntact()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        int[] sizes = [0, 1, 2, 3, 4, 5, 7, 100, 4091, 4092, 4096, 4097, 65531, 65536, 65537, 100_000, MaximumFrameSize - 1, MaximumFrameSize];
        var payloads = sizes.Select((size, i) => Payload(size, i)).ToArray();

        foreach (var payload in payloads)
        {
            Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, payload));
        }

        await Eventually.HoldsAsync(() => b.ReceivedCount == payloads.Length, "every size");
        var received = b.Received;
        for (var i = 0; i < payloads.Length; i++)
        {
            Assert.Equal(payloads[i], received[i].Payload);
        }
    }

    [Fact]
    public async Task TrySend_100kFrames_ArriveInOrder()
    {
        const int count = 100_000;
        var next = 0;
        var outOfOrder = 0;
        var a = await StartAsync();
        var b = await StartAsync(handler: (_, payload) =>
        {
            Span<byte> bytes = stackalloc byte[4];
            payload.Slice(0, 4).CopyTo(bytes);
            if (BinaryPrimitives.ReadInt32BigEndian(bytes) != next)
            {
                Interlocked.Increment(ref outOfOrder);
            }

            Volatile.Write(ref next, next + 1);
        });
        await AssociateAsync(a, b);
        var association = a.Transport.GetAssociation(b.Address);
        var frame = new byte[16];

        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(frame, i);
            Assert.Equal(SendResult.Enqueued, association.TrySend(frame));
        }

        await Eventually.HoldsAsync(() => Volatile.Read(ref next) == count, $"{count} frames", TimeSpan.FromSeconds(60));
        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public async Task TrySend_ConcurrentSenders_EverySenderInOrderNothingLost()
    {
        const int senders = 8;
        const int perSender = 10_000;
        var lastSeen = new int[senders];
        Array.Fill(lastSeen, -1);
        var violations = new ConcurrentQueue<string>();
        var total = 0;
        var a = await StartAsync();
        var b = await StartAsync(handler: (_, payload) =>
        {
            Span<byte> bytes = stackalloc byte[8];
            payload.CopyTo(bytes);
            var sender = BinaryPrimitives.ReadInt32BigEndian(bytes);
            var sequence = BinaryPrimitives.ReadInt32BigEndian(bytes[4..]);
            if (sequence != lastSeen[sender] + 1)
            {
                violations.Enqueue($"sender {sender}: {sequence} after {lastSeen[sender]}");
            }

            lastSeen[sender] = sequence;
            Interlocked.Increment(ref total);
        });
        await AssociateAsync(a, b);
        var association = a.Transport.GetAssociation(b.Address);

        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            var frame = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(frame, sender);
            for (var i = 0; i < perSender; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), i);
                Assert.Equal(SendResult.Enqueued, await association.SendAsync(frame));
            }
        })));

        await Eventually.HoldsAsync(() => Volatile.Read(ref total) == senders * perSender, "every frame of every sender", TimeSpan.FromSeconds(60));
        Assert.Empty(violations);
    }

    [Fact]
    public async Task TrySend_OverMaximumFrameSize_RefusedLoggedCountedAndAssociationStaysUp()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await AssociateAsync(a, b);

        var result = a.Transport.TrySend(b.Address, new byte[MaximumFrameSize + 1]);

        Assert.Equal(SendResult.Oversized, result);
        Assert.Equal(1, a.Transport.Statistics.DroppedOversized);
        Assert.True(a.Logs.Contains(LogLevel.Error, "exceeds maximum-frame-size"), a.Logs.Dump());
        Assert.Equal(SendResult.Enqueued, a.Transport.TrySend(b.Address, "after"u8));
        await Eventually.HoldsAsync(() => b.ReceivedCount == 1, "the frame after the oversized one");
        Assert.Equal("after"u8.ToArray(), b.Received[0].Payload);
        Assert.Empty(a.EventsOf<DisassociatedEvent>());
        Assert.Equal(1, a.Transport.Statistics.OpenConnections);
    }

    [Fact]
    public async Task ReadLoop_OversizedInboundHeader_ClosesThatConnectionWithALoggedReason()
    {
        var b = await StartAsync();
        var self = new RemoteAddress("127.0.0.1", 1);
        await using var raw = await RawPeer.ConnectAsync(EndPoint(b), WrapRawClientAsync);
        Assert.Equal(LithairAkka.Remote.Transport.Protocol.ControlKind.Accept, await raw.HandshakeAsync(self, "contract", string.Empty));
        await Eventually.HoldsAsync(() => b.EventsOf<AssociatedEvent>().Count == 1, "raw peer associated");

        await raw.WriteDataHeaderAsync(MaximumFrameSize + 1);

        await raw.ReadUntilClosedAsync(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => b.EventsOf<DisassociatedEvent>().Count == 1, "B disassociated from the raw peer");
        Assert.True(b.Logs.Contains(LogLevel.Error, "over maximum-frame-size"), b.Logs.Dump());
        Assert.Equal(0, b.ReceivedCount);
    }

    [Fact]
    public async Task Handshake_RawPeerSpeakingTheProtocol_IsAcceptedAndItsFramesDelivered()
    {
        var b = await StartAsync();
        await using var raw = await RawPeer.ConnectAsync(EndPoint(b), WrapRawClientAsync);

        var verdict = await raw.HandshakeAsync(new RemoteAddress("127.0.0.1", 2), "contract", string.Empty, uid: 77);
        await raw.WriteDataHeaderAsync(3);
        await raw.WriteAsync([9, 8, 7]);

        Assert.Equal(LithairAkka.Remote.Transport.Protocol.ControlKind.Accept, verdict);
        await Eventually.HoldsAsync(() => b.ReceivedCount == 1, "the raw peer's frame");
        Assert.Equal(new byte[] { 9, 8, 7 }, b.Received[0].Payload);
        Assert.Equal(77, b.Received[0].From.RemoteUid);
    }
}
