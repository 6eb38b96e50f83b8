using LithairAkka.Actors;
using LithairAkka.Remote.Serialization;

namespace LithairAkka.Remote.Tests.Serialization;

public sealed class MessageContainerSerializerTests(SerializerTestNode node) : IClassFixture<SerializerTestNode>
{
    [Fact]
    public void ActorSelectionMessage_NamesPatternsAndParent_RoundTrip()
    {
        var elements = new[] { SelectionPathElement.Parse("user"), SelectionPathElement.Parse("work?r-*"), SelectionPathElement.Parse("..") };

        var selection = node.RoundTrip(new ActorSelectionMessage(new Identify(3), elements, WildcardFanOut: true), MessageContainerSerializer.Id);

        Assert.Equal(3, Assert.IsType<Identify>(selection.Message).MessageId);
        Assert.Equal(elements, selection.Elements);
        Assert.True(selection.WildcardFanOut);
    }

    [Fact]
    public void ActorSelectionMessage_UserPayload_GoesThroughItsOwnSerializer()
    {
        var selection = node.RoundTrip(new ActorSelectionMessage(new Support.Greeting("hi", 2, null), [SelectionPathElement.Parse("a")], false), MessageContainerSerializer.Id);

        Assert.Equal(new Support.Greeting("hi", 2, null), selection.Message);
    }
}
