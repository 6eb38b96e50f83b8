using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class BinaryMessageSerializerTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    [Fact]
    public void ToBinaryFromBinary_RegisteredTypes_RoundTripEveryFieldKind()
    {
        var serializer = new SampleSerializer(fixture.System);
        var actor = fixture.System.ActorOf(Props.Create(() => new EchoActor()));
        var message = new Sample(-42, ulong.MaxValue, 3.25, null, "ünïcode", [1, 2, 3], actor, new Address("akka.tcp", "s", "h", 1), "nested", true);

        var copy = (Sample)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

        Assert.Equal(message with { Blob = [] }, copy with { Blob = [] });
        Assert.Equal(message.Blob, copy.Blob);
        Assert.Same(actor, copy.Ref);
    }

    [Fact]
    public void FromBinary_Singleton_ReturnsTheInstance()
    {
        var serializer = new SampleSerializer(fixture.System);

        Assert.Same(Ping.Instance, serializer.FromBinary([], serializer.Manifest(Ping.Instance)));
        Assert.Empty(serializer.ToBinary(Ping.Instance));
    }

    [Fact]
    public void FromBinary_TrailingBytes_AreIgnoredForForwardCompatibility()
    {
        var serializer = new SampleSerializer(fixture.System);

        var bytes = serializer.ToBinary(new Versioned(7));

        Assert.Equal(new Versioned(7), serializer.FromBinary([.. bytes, 0xAB, 0xCD], "v"));
    }

    [Fact]
    public void FromBinary_TruncatedOrUnknown_ThrowsSerializationException()
    {
        var serializer = new SampleSerializer(fixture.System);
        var bytes = serializer.ToBinary(new Versioned(long.MaxValue));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..^1], "v"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "unknown"));
        Assert.Throws<SerializationException>(() => serializer.ToBinary("not registered"));
    }

    [Fact]
    public void MessageTypes_AreBoundWhenAdded()
    {
        var registered = fixture.Registry.AddSerializer("sample", new SampleSerializer(fixture.System));

        Assert.Same(registered, fixture.Registry.FindSerializerFor(new Versioned(1)));
        Assert.Same(registered, fixture.Registry.FindSerializerFor(Ping.Instance));
    }

    [Fact]
    public void Register_SameManifestTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new DuplicateSerializer(fixture.System));

    public sealed record Sample(int Small, ulong Large, double Real, string? Missing, string Text, byte[] Blob, IActorRef? Ref, Address? Where, object? Payload, bool Flag);

    public sealed record Versioned(long Value);

    public sealed record Ping
    {
        public static Ping Instance { get; } = new();
    }

    private sealed class SampleSerializer : BinaryMessageSerializer
    {
        public SampleSerializer(ExtendedActorSystem system)
            : base(system)
        {
            Register<Sample>(
                "s",
                static (w, m) =>
                {
                    w.WriteVarInt32(m.Small);
                    w.WriteVarUInt64(m.Large);
                    w.WriteDouble(m.Real);
                    w.WriteString(m.Missing);
                    w.WriteString(m.Text);
                    w.WriteBytes(m.Blob);
                    w.WriteActorRef(m.Ref);
                    w.WriteAddress(m.Where);
                    w.WritePayload(m.Payload);
                    w.WriteBoolean(m.Flag);
                },
                static (ref BinaryMessageReader r) => new Sample(
                    r.ReadVarInt32(), r.ReadVarUInt64(), r.ReadDouble(), r.ReadString(), r.ReadRequiredString(), r.ReadBytes(),
                    r.ReadActorRef(), r.ReadAddress(), r.ReadPayload(), r.ReadBoolean()));
            Register<Versioned>("v", static (w, m) => w.WriteInt64(m.Value), static (ref BinaryMessageReader r) => new Versioned(r.ReadInt64()));
            Register("p", Ping.Instance);
        }

        public override int Identifier => 250;
    }

    private sealed class DuplicateSerializer : BinaryMessageSerializer
    {
        public DuplicateSerializer(ExtendedActorSystem system)
            : base(system)
        {
            Register<Versioned>("v", static (w, m) => w.WriteInt64(m.Value), static (ref BinaryMessageReader r) => new Versioned(r.ReadInt64()));
            Register("v", Ping.Instance);
        }

        public override int Identifier => 251;
    }
}
