using System.Runtime.Serialization;
using LithairAkka.Persistence.Serialization;
using LithairAkka.Persistence.Tests.Spec;

namespace LithairAkka.Persistence.Tests.Serialization;

public class JsonEventSerializerTests
{
    private readonly JsonEventSerializer _serializer = new();

    [Fact]
    public void Serialize_Record_RoundTripsWithTypeNameManifest()
    {
        var original = new SpecEvent("n", 3, ["a"]);

        var serialized = _serializer.Serialize(original);
        var restored = _serializer.Deserialize(serialized.Bytes, serialized.Manifest);

        Assert.Equal(original, restored);
        Assert.Equal("LithairAkka.Persistence.Tests.Spec.SpecEvent, LithairAkka.Persistence.Tests", serialized.Manifest);
        Assert.Equal(JsonEventSerializer.SerializerIdentifier, serialized.SerializerId);
    }

    [Fact]
    public void Serialize_UnsupportedMember_ThrowsSerializationException()
    {
        Assert.Throws<SerializationException>(() => _serializer.Serialize(new UnserializableEvent(typeof(int))));
    }

    [Fact]
    public void Deserialize_UnknownManifest_ThrowsSerializationException()
    {
        Assert.Throws<SerializationException>(() => _serializer.Deserialize("{}"u8, "No.Such.Type, NoSuchAssembly"));
    }

    [Fact]
    public void Deserialize_CorruptBytes_ThrowsSerializationException()
    {
        var manifest = JsonEventSerializer.ManifestOf(typeof(SpecEvent));

        Assert.Throws<SerializationException>(() => _serializer.Deserialize("{not json"u8, manifest));
    }

    [Fact]
    public void ManifestOf_Type_HasNoVersion()
    {
        Assert.Equal("System.String, System.Private.CoreLib", JsonEventSerializer.ManifestOf(typeof(string)));
    }
}
