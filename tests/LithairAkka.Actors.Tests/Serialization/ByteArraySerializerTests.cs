using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class ByteArraySerializerTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private Serializer Serializer => fixture.Registry.GetSerializerByName("bytes")!;

    [Fact]
    public void ToBinary_ByteArray_IsTheArrayItselfWithoutManifest()
    {
        var bytes = new byte[] { 1, 2, 3 };

        Assert.Same(bytes, Serializer.ToBinary(bytes));
        Assert.False(Serializer.IncludeManifest);
        Assert.Equal(string.Empty, Serializer.Manifest(bytes));
        Assert.Equal(4, Serializer.Identifier);
    }

    [Fact]
    public void FromBinary_Span_CopiesTheBytes() =>
        Assert.Equal(new byte[] { 9, 8 }, Serializer.FromBinary(new ReadOnlySpan<byte>([9, 8]), string.Empty));

    [Fact]
    public void ToBinary_OtherType_ThrowsSerializationException() =>
        Assert.Throws<SerializationException>(() => Serializer.ToBinary("text"));
}
