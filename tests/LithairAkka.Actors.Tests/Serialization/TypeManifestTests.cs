using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class TypeManifestTests
{
    [Fact]
    public void Of_Type_IsFullNameAndAssemblyWithoutVersion()
    {
        Assert.Equal("System.String, System.Private.CoreLib", TypeManifest.Of(typeof(string)));
        Assert.Equal(typeof(TypeManifestTests), TypeManifest.Resolve(TypeManifest.Of(typeof(TypeManifestTests))));
    }

    [Fact]
    public void Resolve_GenericType_RoundTrips()
    {
        var type = typeof(Dictionary<string, List<int>>);

        Assert.Equal(type, TypeManifest.Resolve(TypeManifest.Of(type)));
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsSerializationExceptionAndTryResolveGivesNull()
    {
        Assert.Throws<SerializationException>(() => TypeManifest.Resolve("No.Such.Type, No.Such.Assembly"));
        Assert.Null(TypeManifest.TryResolve("No.Such.Type, No.Such.Assembly"));
        Assert.Null(TypeManifest.TryResolve("[[bad"));
    }
}
