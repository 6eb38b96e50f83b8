namespace LithairAkka.Actors.Tests;

public class ActorPathTests
{
    [Theory]
    [InlineData("akka://sys/user/a/b")]
    [InlineData("akka.tcp://sys@host:2552/user/a")]
    [InlineData("akka.tcp://sys@10.0.0.1:4053/system/remote-watcher")]
    public void Parse_ValidPath_FormatsBack(string text)
    {
        var path = ActorPath.Parse(text);

        Assert.Equal(text, path.ToString());
    }

    [Fact]
    public void Parse_RemotePath_ExposesAddressAndElements()
    {
        var path = ActorPath.Parse("akka.tcp://sys@host:2552/user/a/b#42");

        Assert.Equal(new Address("akka.tcp", "sys", "host", 2552), path.Address);
        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal("b", path.Name);
        Assert.Equal(42, path.Uid);
        Assert.Equal("akka.tcp://sys@host:2552/user/a/b#42", path.ToSerializationFormat());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/user/a")]
    [InlineData("akka://")]
    [InlineData("akka.tcp://sys@host:notaport/user")]
    [InlineData("akka://sys/user/a#notanumber")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(ActorPath.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ActorPath.Parse(text));
    }

    [Fact]
    public void Equals_IgnoresUid_ComparesAddressAndElements()
    {
        var root = new RootActorPath(new Address("akka", "sys"));
        var a = (root / "user" / "a").WithUid(1);
        var b = (root / "user" / "a").WithUid(2);
        var other = new RootActorPath(new Address("akka", "other")) / "user" / "a";

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.NotEqual<ActorPath>(a, root / "user" / "b");
    }

    [Fact]
    public void ToStringWithAddress_LocalPath_UsesGivenGlobalAddress()
    {
        var path = new RootActorPath(new Address("akka", "sys")) / "user" / "a";

        Assert.Equal("akka.tcp://sys@h:1/user/a", path.ToStringWithAddress(new Address("akka.tcp", "sys", "h", 1)));
        Assert.Equal("/user/a", path.ToStringWithoutAddress());
        Assert.Equal("akka.tcp://sys@h:1/user/a#7", path.WithUid(7).ToSerializationFormatWithAddress(new Address("akka.tcp", "sys", "h", 1)));
    }

    [Fact]
    public void Parent_And_Root_NavigateTheTree()
    {
        var root = new RootActorPath(new Address("akka", "sys"));
        var child = root / "user" / "a";

        Assert.Equal(root / "user", child.Parent);
        Assert.Same(root, child.Root);
        Assert.Equal(2, child.Depth);
        Assert.Equal("akka://sys/", root.ToString());
        Assert.Same(root, root.Parent);
    }

    [Fact]
    public void Child_WithSlash_Throws() =>
        Assert.Throws<ArgumentException>(() => new RootActorPath(new Address("akka", "sys")) / "a/b");
}
