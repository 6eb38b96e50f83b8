using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class SystemTextJsonSerializerTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private SystemTextJsonSerializer Serializer => (SystemTextJsonSerializer)fixture.Registry.GetSerializerByName("json")!;

    [Fact]
    public void ToBinaryFromBinary_RecordWithRefAndPath_RoundTrips()
    {
        var actor = fixture.System.ActorOf(Props.Create(() => new EchoActor()));
        var message = new Order("book", 3, [1.5m, 2m], actor, actor.Path);

        var copy = (Order)Serializer.FromBinary(Serializer.ToBinary(message), Serializer.Manifest(message));

        Assert.Equal(message.Item, copy.Item);
        Assert.Equal(message.Quantity, copy.Quantity);
        Assert.Equal(message.Prices, copy.Prices);
        Assert.Same(actor, copy.ReplyTo);
        Assert.Equal(actor.Path, copy.Path);
        Assert.Equal(actor.Path.Uid, copy.Path!.Uid);
    }

    [Fact]
    public void Manifest_IsTheTypeNameWithoutVersion()
    {
        Assert.True(Serializer.IncludeManifest);
        Assert.Equal($"{typeof(Order).FullName}, LithairAkka.Actors.Tests", Serializer.Manifest(new Order("x", 1, [], null, null)));
    }

    [Fact]
    public void ToBinary_IntoBufferWriter_WritesTheSameBytes()
    {
        var message = new Order("x", 1, [3m], null, null);
        using var buffer = new PooledByteBufferWriter();

        Serializer.ToBinary(message, buffer);
        Serializer.ToBinary(message, buffer);

        var single = Serializer.ToBinary(message);
        Assert.Equal([.. single, .. single], buffer.ToArray());
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException() =>
        Assert.Throws<SerializationException>(() => Serializer.FromBinary("{}"u8.ToArray(), "No.Such.Type, Nowhere"));

    [Fact]
    public void FromBinary_BadJson_ThrowsSerializationException() =>
        Assert.Throws<SerializationException>(() => Serializer.FromBinary("{not json"u8.ToArray(), TypeManifest.Of(typeof(Order))));

    [Fact]
    public void ToBinary_UnsupportedMember_ThrowsSerializationException() =>
        Assert.Throws<SerializationException>(() => Serializer.ToBinary(new WithDelegate(() => { })));

    public sealed record Order(string Item, int Quantity, IReadOnlyList<decimal> Prices, IActorRef? ReplyTo, ActorPath? Path);

    public sealed record WithDelegate(Action Callback);
}
