using System.Buffers;
using System.Text;
using LithairAkka.Actors;
using LithairAkka.Actors.Serialization;
using LithairAkka.Remote.Endpoint;
using LithairAkka.Remote.Tests.Support;
using Xunit.Abstractions;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Remote.Tests.Endpoint;

[Collection(MultiNodeCollection.Name)]
public sealed class EndpointReaderTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task OnFrame_UnknownManifest_IsDroppedCountedAndTheNodeKeepsRunning()
    {
        var (a, b, probe, remoteProbe) = await ConnectedPairAsync();

        SendRaw(a, b, probe.Ref, SystemTextJsonSerializer.Id, "No.Such.Type, No.Such.Assembly", "{}"u8);
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal(1, RemoteExtension.Get(b.Sys).Statistics.DeserializationFailures);
    }

    [Fact]
    public async Task OnFrame_UnknownSerializerId_IsDroppedCountedAndTheNodeKeepsRunning()
    {
        var (a, b, probe, remoteProbe) = await ConnectedPairAsync();

        SendRaw(a, b, probe.Ref, 9999, string.Empty, [1, 2, 3]);
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal(1, RemoteExtension.Get(b.Sys).Statistics.UnknownSerializer);
    }

    [Fact]
    public async Task OnFrame_MalformedEnvelope_IsDroppedAndCounted()
    {
        var (a, b, probe, remoteProbe) = await ConnectedPairAsync();
        var association = RemoteExtension.Get(a.Sys).Transport.GetAssociation(RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b)));

        association.TrySend([0xFF, 0x01, 0x02]);
        association.TrySend([0x00, 0x7F]);
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal(2, RemoteExtension.Get(b.Sys).Statistics.MalformedEnvelopes);
    }

    [Fact]
    public async Task OnFrame_ForbiddenSystemMessage_IsDroppedAndCounted()
    {
        var (a, b, probe, remoteProbe) = await ConnectedPairAsync();

        // A system frame carrying a user message: only death-watch messages and Terminate may cross nodes.
        SendRaw(a, b, probe.Ref, PrimitiveSerializer.Id, "S", "not a system message"u8, isSystem: true);
        remoteProbe.Tell("after", null);

        Assert.Equal("after", await probe.ExpectMsgAsync<string>(Deadline));
        Assert.Equal(1, RemoteExtension.Get(b.Sys).Statistics.ForbiddenSystemMessages);
    }

    [Fact]
    public async Task OnFrame_RecipientOfAnotherNode_GoesToDeadLetters()
    {
        var (a, b, probe, _) = await ConnectedPairAsync();
        var deadLetters = b.CreateTestProbe();
        b.Sys.EventStream.Subscribe(deadLetters.Ref, typeof(LithairAkka.Actors.Event.DeadLetter));
        var elsewhere = ActorPath.Parse("akka.tcp://TestKit@127.0.0.1:1/user/nobody");

        ((ExtendedActorSystem)a.Sys).Provider.ResolveActorRef(RemoteNodes.RemotePathOf(b, probe.Ref)).Tell("warm up", null);
        await probe.ExpectMsgAsync<string>(Deadline);
        var association = RemoteExtension.Get(a.Sys).Transport.GetAssociation(RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b)));
        using var frame = new PooledByteBufferWriter();
        RemoteEnvelope.WriteHeader(frame, false, Encoding.UTF8.GetBytes(elsewhere.ToString()), [], PrimitiveSerializer.Id, "S");
        frame.Write("lost"u8);
        association.TrySend(frame.WrittenSpan);

        var dead = await deadLetters.ExpectMsgAsync<LithairAkka.Actors.Event.DeadLetter>(Deadline);
        Assert.Equal("lost", dead.Message);
        Assert.Equal(elsewhere, dead.Recipient.Path);
    }

    private async Task<(Kit A, Kit B, LithairAkka.TestKit.TestProbe Probe, IActorRef RemoteProbe)> ConnectedPairAsync()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var probe = b.CreateTestProbe();
        var remoteProbe = RemoteNodes.RemoteRef(a, b, probe.Ref);
        remoteProbe.Tell("before", null);
        Assert.Equal("before", await probe.ExpectMsgAsync<string>(Deadline));
        return (a, b, probe, remoteProbe);
    }

    private static void SendRaw(Kit from, Kit to, IActorRef recipient, int serializerId, string manifest, ReadOnlySpan<byte> payload, bool isSystem = false)
    {
        var path = Encoding.UTF8.GetBytes(RemoteNodes.RemotePathOf(to, recipient).WithUid(recipient.Path.Uid).ToSerializationFormat());
        using var frame = new PooledByteBufferWriter();
        RemoteEnvelope.WriteHeader(frame, isSystem, path, [], serializerId, manifest);
        frame.Write(payload);
        RemoteExtension.Get(from.Sys).Transport.GetAssociation(RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(to))).TrySend(frame.WrittenSpan);
    }
}
