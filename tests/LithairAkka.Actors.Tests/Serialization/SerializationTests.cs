using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;
using LithairAkka.Hocon;
using SerializationRegistry = LithairAkka.Actors.Serialization.Serialization;

namespace LithairAkka.Actors.Tests.Serialization;

public sealed class SerializationTests : IDisposable
{
    private readonly List<ActorSystem> _systems = [];

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void FindSerializerFor_BuiltInBindings_PickBytesPrimitiveAndJson()
    {
        var registry = Registry();

        Assert.IsType<ByteArraySerializer>(registry.FindSerializerFor(new byte[] { 1 }));
        Assert.IsType<PrimitiveSerializer>(registry.FindSerializerFor("text"));
        Assert.IsType<PrimitiveSerializer>(registry.FindSerializerFor(1));
        Assert.IsType<PrimitiveSerializer>(registry.FindSerializerFor(1L));
        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor(new Plain(1)));
    }

    [Fact]
    public void LoadConfiguration_EmbeddedReference_GivesTheBuiltIns()
    {
        // An empty configuration layers over the embedded reference.conf, which binds the built-ins.
        var registry = Registry();

        Assert.Equal(["bytes", "json", "primitive"], registry.SerializersByName.Keys.Order());
        Assert.IsType<ByteArraySerializer>(registry.FindSerializerFor(new byte[] { 1 }));
        Assert.IsType<PrimitiveSerializer>(registry.FindSerializerFor(1L));
        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor(new Plain(1)));
    }

    [Fact]
    public void FindSerializerFor_ExactBindingBeatsItsBaseAndInterface()
    {
        var registry = Registry(Bindings(
            ($"\"{Name<IMarker>()}\"", "marker"),
            ($"\"{Name<BaseMessage>()}\"", "base"),
            ($"\"{Name<DerivedMessage>()}\"", "derived")));

        Assert.IsType<DerivedSerializer>(registry.FindSerializerFor(new DerivedMessage()));
    }

    [Fact]
    public void FindSerializerFor_SubclassBindingBeatsBaseClassBinding()
    {
        var registry = Registry(Bindings(($"\"{Name<BaseMessage>()}\"", "base"), ($"\"{Name<DerivedMessage>()}\"", "derived")));

        Assert.IsType<DerivedSerializer>(registry.FindSerializerFor(new MoreDerivedMessage()));
        Assert.IsType<BaseSerializer>(registry.FindSerializerFor(new OtherDerivedMessage()));
    }

    [Fact]
    public void FindSerializerFor_ClassBindingBeatsUnrelatedInterfaceBinding()
    {
        var registry = Registry(Bindings(($"\"{Name<IMarker>()}\"", "marker"), ($"\"{Name<BaseMessage>()}\"", "base")));

        Assert.IsType<BaseSerializer>(registry.FindSerializerFor(new OtherDerivedMessage()));
        Assert.IsType<MarkerSerializer>(registry.FindSerializerFor(new MarkedOnly()));
    }

    [Fact]
    public void LoadConfiguration_NoneBinding_RemovesABuiltInBinding()
    {
        var registry = Registry("""akka.actor.serialization-bindings { "System.String" = none }""");

        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor("text"));
    }

    [Fact]
    public void LoadConfiguration_UnloadableTypes_AreSkipped()
    {
        var registry = Registry("""
            akka.actor.serializers.missing = "No.Such.Serializer, No.Such.Assembly"
            akka.actor.serialization-bindings {
              "No.Such.Message, No.Such.Assembly" = json
              "System.Guid" = missing
            }
            """);

        Assert.Null(registry.GetSerializerByName("missing"));
        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor(Guid.Empty));
    }

    [Fact]
    public void LoadConfiguration_BindingToUndefinedSerializer_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => Registry("""akka.actor.serialization-bindings { "System.Guid" = nowhere }"""));

        Assert.Contains("serialization-bindings", error.Path, StringComparison.Ordinal);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadConfiguration_TypeThatIsNoSerializer_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => Registry("""akka.actor.serializers.wrong = "System.String" """));

        Assert.Equal("akka.actor.serializers.wrong", error.Path);
    }

    [Fact]
    public void AddSerializer_SameTypeAgain_ReturnsTheRegisteredInstance()
    {
        var registry = Registry();
        var first = registry.AddSerializer("derived", new DerivedSerializer(registry.System), typeof(DerivedMessage));

        var second = registry.AddSerializer("derived", new DerivedSerializer(registry.System));

        Assert.Same(first, second);
        Assert.Same(first, registry.FindSerializerFor(new DerivedMessage()));
    }

    [Fact]
    public void AddSerializer_IdentifierTaken_Throws()
    {
        var registry = Registry();

        Assert.Throws<ConfigurationException>(() => registry.AddSerializer("clash", new ClashingSerializer(registry.System)));
    }

    [Fact]
    public void AddSerializationBinding_LaterBinding_ChangesTheCachedChoice()
    {
        var registry = Registry();
        registry.AddSerializer("derived", new DerivedSerializer(registry.System));
        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor(new DerivedMessage()));

        registry.AddSerializationBinding(typeof(DerivedMessage), "derived");

        Assert.IsType<DerivedSerializer>(registry.FindSerializerFor(new DerivedMessage()));
        Assert.True(registry.RemoveSerializationBinding(typeof(DerivedMessage)));
        Assert.IsType<SystemTextJsonSerializer>(registry.FindSerializerFor(new DerivedMessage()));
    }

    [Fact]
    public void Deserialize_UnknownSerializerId_ThrowsSerializationException()
    {
        var registry = Registry();

        Assert.Throws<SerializationException>(() => registry.Deserialize([1], 9999, "x"));
    }

    [Fact]
    public void SerializedActorPath_LocalRefAndNobody_UseTheDefaultAddressAndEmpty()
    {
        var registry = Registry();
        var actor = registry.System.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var text = registry.SerializedActorPath(actor);

        Assert.Equal($"akka://{registry.System.Name}/user/echo#{actor.Path.Uid}", text);
        Assert.Same(actor, registry.ResolveActorRef(text));
        Assert.Equal(string.Empty, registry.SerializedActorPath(ActorRefs.Nobody));
        Assert.Same(Nobody.Instance, registry.ResolveActorRef(string.Empty));
    }

    private static string Name<T>() => TypeManifest.Of(typeof(T));

    private static string Bindings(params (string Type, string Name)[] bindings) =>
        $$"""
        akka.actor.serializers {
          marker = "{{Name<MarkerSerializer>()}}"
          base = "{{Name<BaseSerializer>()}}"
          derived = "{{Name<DerivedSerializer>()}}"
        }
        akka.actor.serialization-bindings {
        {{string.Join("\n", bindings.Select(b => $"  {b.Type} = {b.Name}"))}}
        }
        """;

    private SerializationRegistry Registry(string config = "")
    {
        var system = ActorSystem.Create("serialization", ConfigurationFactory.ParseString(config));
        _systems.Add(system);
        return SerializationRegistry.Get(system);
    }

    public interface IMarker;

    public record BaseMessage : IMarker;

    public record DerivedMessage : BaseMessage;

    public sealed record MoreDerivedMessage : DerivedMessage;

    public sealed record OtherDerivedMessage : BaseMessage;

    public sealed record MarkedOnly : IMarker;

    public sealed record Plain(int Value);

    public sealed class MarkerSerializer(ExtendedActorSystem system) : FixedSerializer(system, 201);

    public sealed class BaseSerializer(ExtendedActorSystem system) : FixedSerializer(system, 202);

    public sealed class DerivedSerializer(ExtendedActorSystem system) : FixedSerializer(system, 203);

    public sealed class ClashingSerializer(ExtendedActorSystem system) : FixedSerializer(system, ByteArraySerializer.Id);

    public abstract class FixedSerializer(ExtendedActorSystem system, int identifier) : Serializer(system)
    {
        public override int Identifier => identifier;

        public override bool IncludeManifest => false;

        public override byte[] ToBinary(object message) => [];

        public override object FromBinary(byte[] bytes, string manifest) => new DerivedMessage();
    }
}
