using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class PrimitiveSerializerTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private Serializer Serializer => fixture.Registry.GetSerializerByName("primitive")!;

    [Theory]
    [InlineData("")]
    [InlineData("héllo wörld ✓")]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    [InlineData(long.MaxValue)]
    public void ToBinaryFromBinary_RoundTrips(object value)
    {
        var copy = Serializer.FromBinary(Serializer.ToBinary(value), Serializer.Manifest(value));

        Assert.Equal(value, copy);
        Assert.Equal(value.GetType(), copy.GetType());
    }

    [Fact]
    public void FromBinary_WrongSizeOrManifest_ThrowsSerializationException()
    {
        Assert.Throws<SerializationException>(() => Serializer.FromBinary(new byte[3], "I"));
        Assert.Throws<SerializationException>(() => Serializer.FromBinary(new byte[8], "Q"));
    }

    [Fact]
    public void ToBinary_UnsupportedType_ThrowsSerializationException() =>
        Assert.Throws<SerializationException>(() => Serializer.ToBinary(1.5));
}
